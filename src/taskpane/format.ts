/** Display formats shared by the pane's views. */
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
/** "+1.2 pp", "−0.8 pp"; a drift that rounds to zero is "+0.0 pp", never "−0.0 pp". */
export const signedPoints = (x: number) => {
  const shown = Math.abs(x * 100).toFixed(1);
  return `${x >= 0 || Number(shown) === 0 ? '+' : '−'}${shown} pp`;
};
