/**
 * Present for screen readers, invisible on screen: a section heading that only repeats the selected
 * tab's name costs a narrow pane its first lines (issue 13) but still names the section for
 * `aria-labelledby` and heading navigation.
 */
import type * as React from 'react';

export const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
