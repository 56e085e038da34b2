/**
 * Strings of one area of the app (sim), kept in their own file so work on different
 * areas never edits the same lines. English is the shape; Chinese must match it.
 * Spread into ../en.ts and ../zh.ts.
 */
export const simEn = {};

export const simZh: typeof simEn = {};
