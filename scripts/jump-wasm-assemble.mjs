// jump.wat → bytes with wabt (the WebAssembly Binary Toolkit, compiled to JS), shared by the
// generator and the unit test that checks the committed bytes.
import wabtInit from 'wabt';

export async function assembleJumpWat(wat) {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('jump.wat', wat);
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({ log: false, write_debug_names: false }).buffer);
  } finally {
    mod.destroy();
  }
}
