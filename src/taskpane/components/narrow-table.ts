/**
 * A Fluent Table for a narrow pane: in flex layout (`noNativeElements`, so rows and cells carry their
 * ARIA roles and may wrap), the name cell takes a line of its own below 420 px and the numbers share
 * the line under it. A fixed-layout table of five equal columns gave "International" 59 px at a
 * 320-px pane and broke it mid-word; at 225 px (200% zoom) no five columns fit beside a name at all.
 */
import { makeStyles } from '@fluentui/react-components';

const NARROW = '@media (max-width: 420px)';

export const useNarrowTableStyles = makeStyles({
  row: { flexWrap: 'wrap', paddingTop: '2px', paddingBottom: '2px' },
  name: { flexGrow: 2, [NARROW]: { flexBasis: '100%', fontWeight: 600 } },
  /** A number never shrinks below its width (it does not wrap, numbers.ts), and sits at the right. */
  number: {
    justifyContent: 'flex-end',
    minWidth: 'max-content',
    // A header cell's text is in a button slot that fills the cell: its text goes right as well.
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'right' },
    [NARROW]: { paddingLeft: '4px', paddingRight: '4px' },
  },
  text: { [NARROW]: { paddingLeft: '4px', paddingRight: '4px' } },
});
