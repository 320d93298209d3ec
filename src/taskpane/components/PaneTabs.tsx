/**
 * The pane's tabs, in Fluent's overflow pattern: the tabs that fit the pane's width, then a "More"
 * button whose menu holds the rest. At 200% zoom the 450-px pane is 225 CSS px wide and six tabs do
 * not fit; without this, Review and Exposure were off-screen and unreachable. The selected tab is
 * pinned, so it never hides in the menu. The More button is a `tab` in the TabList (as in Fluent's
 * overflow example) so the list's arrow keys reach it and the tablist holds only tabs.
 */
import * as React from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Overflow, OverflowItem, Tab, TabList, useIsOverflowItemVisible, useOverflowMenu } from '@fluentui/react-components';

export interface PaneTab<T extends string> {
  readonly value: T;
  readonly label: string;
}

interface Props<T extends string> {
  tabs: readonly PaneTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  /** The id of the panel the tabs control. */
  panelId: string;
}

export function PaneTabs<T extends string>({ tabs, selected, onSelect, panelId }: Props<T>): React.JSX.Element {
  return (
    <Overflow minimumVisible={1}>
      <TabList selectedValue={selected} onTabSelect={(_, d) => onSelect(d.value as T)} aria-label="Rebalance sections" size="small">
        {tabs.map((t) => (
          <OverflowItem key={t.value} id={t.value} pinned={t.value === selected}>
            <Tab value={t.value} id={tabId(t.value)} aria-controls={panelId}>
              {t.label}
            </Tab>
          </OverflowItem>
        ))}
        <MoreTabs tabs={tabs} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}

/** The id of a tab's element, which the panel names in `aria-labelledby`. */
export const tabId = (value: string) => `tab-${value}`;

function MoreTabs<T extends string>({ tabs, onSelect }: { tabs: readonly PaneTab<T>[]; onSelect: (value: T) => void }): React.JSX.Element | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} role="tab" appearance="transparent" size="small" aria-label={`More tabs (${overflowCount})`} style={{ minWidth: 0, alignSelf: 'center' }}>
          More ▾
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((t) => (
            <HiddenTab key={t.value} tab={t} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A tab the pane has no room for, as an item of the More menu; nothing while the tab itself shows. */
function HiddenTab<T extends string>({ tab, onSelect }: { tab: PaneTab<T>; onSelect: (value: T) => void }): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(tab.value);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.value)}>{tab.label}</MenuItem>;
}
