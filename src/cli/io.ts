/** Small helpers for the headless commands: one JSON document out, one-line errors, exit codes. */

export function printJson(doc: unknown): void {
  process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
}

/** Bad input: one line on stderr, nothing on stdout, exit 2. */
export function badInput(message: string): never {
  process.stderr.write(message.replace(/\s+/g, ' ').trim() + '\n');
  process.exit(2);
}
