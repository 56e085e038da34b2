/**
 * Limits the UI needs to know as well as the session (a plain module, so the UI can import
 * it without pulling the simulator into the main bundle).
 */

/** Upper bound on recorded frames per session (≈ 40 bytes a frame plus keyframes). */
export const MAX_FRAMES = 2_000_000;
