import * as React from 'react';
import { Body1, Caption1, Title3 } from '@fluentui/react-components';

const FORMULAS = ['=REBAL.DRIFT(Holdings[#All], Targets[#All])', '=REBAL.DRIFT(Holdings[#All], Targets[#All], Settings[#All])'];

/** What the add-in does, and the formulas a user can type now. */
export function Welcome(): React.JSX.Element {
  return (
    <main style={{ padding: 16, display: 'grid', gap: 12 }}>
      <Title3 as="h1">Rebalance in Excel</Title3>
      <Body1>Drift, look-through exposure and explained trades for your household, computed in this workbook. Nothing leaves it.</Body1>
      <Body1>Type a formula in any cell:</Body1>
      <ul aria-label="Formulas">
        {FORMULAS.map((f) => (
          <li key={f}>
            <code>{f}</code>
          </li>
        ))}
      </ul>
      <Caption1>Holdings and Targets are Excel tables (or sheets) with a header row.</Caption1>
    </main>
  );
}
