/** Colours that stay apart for the common colour-vision deficiencies (Okabe-Ito), in a fixed order per series. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

export const colourOf = (index: number): string => PALETTE[index % PALETTE.length]!;
