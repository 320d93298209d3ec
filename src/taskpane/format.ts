/** Display formats shared by the pane's views. */
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
export const signedPoints = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp`;
