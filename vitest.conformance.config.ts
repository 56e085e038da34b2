import { defineConfig } from 'vitest/config';

/**
 * The conformance suite against a real ZooKeeper 3.8 (tests/conformance/zookeeper): real
 * servers and JVMs, so one file at a time (two cores), generous timeouts for the JVMs'
 * start, none of it in the unit run (vitest.config.ts includes tests/unit only).
 */
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
