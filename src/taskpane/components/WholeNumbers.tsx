/**
 * A sentence whose dates and ranges are never broken across lines. Chromium breaks a token after its
 * hyphens ("2027-|03-01"), which `overflow-wrap` does not govern, so each token with a hyphen, dash or
 * slash between digits is wrapped in a no-wrap span. Other numbers ($1,234.56, 45.8%) have no break
 * opportunity inside them, and the rest of the text stays one text node.
 */
import * as React from 'react';

const SPLIT = /(\S*\d[-–/]\d\S*)/;

export function WholeNumbers({ text }: { text: string }): React.JSX.Element {
  const parts = text.split(SPLIT);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} style={{ whiteSpace: 'nowrap' }}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
