/**
 * How the pane shows a number: never broken across lines ($47,981.7|9 is unreadable), right-aligned
 * and with tabular figures so a column of them lines up by digit. Names and sentences wrap at word
 * boundaries instead (App's <main>).
 */
import type * as React from 'react';

export const NUMBER_STYLE: React.CSSProperties = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' };

/** A header over a column of numbers, aligned with them. */
export const NUMBER_HEADER_STYLE: React.CSSProperties = { textAlign: 'right', justifyContent: 'flex-end' };
