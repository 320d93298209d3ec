/**
 * jsdom does no layout, so it has no Element.scrollIntoView; the pane calls it to bring feedback and
 * the drafted trades into view. In jsdom there is nothing to scroll, so it does nothing.
 */
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}
