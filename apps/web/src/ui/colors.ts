/** Colours used as plain CSS values (so that light and subtle variants keep them), all ≥ 4.5:1 on white. */
export const DANGER = "#a61e1e";
export const SUCCESS = "#1f6f35";
export const WARNING = "#8f3b00";
