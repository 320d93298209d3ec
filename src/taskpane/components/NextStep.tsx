/**
 * What a household that is not set up yet shows instead of a tab's content: what is missing, what to
 * do next, and a button that does it (or takes the user to it). A first run is not a mistake, so it
 * is never a red error.
 */
import * as React from 'react';
import { Body1, Button, Subtitle2, tokens } from '@fluentui/react-components';
import { placeAddress } from '../cell-place';
import type { HouseholdView, NextStep as Step } from '../household-view';
import { GoToCell } from './Notice';

interface Props {
  view: HouseholdView & { nextStep: Step };
  /** On the Setup tab, whose own buttons do the step: no button to go there. */
  inSetup: boolean;
  onSetup: () => void;
  onReadAgain: () => void;
}

const TITLES: Record<Step, string> = {
  holdings: 'Start with your holdings',
  targets: 'Next: create your Targets',
  chooseTargets: 'Next: type your targets',
};

export function NextStep({ view, inSetup, onSetup, onReadAgain }: Props): React.JSX.Element {
  const step = view.nextStep;
  const cell = step === 'chooseTargets' && view.problemPlace ? placeAddress(view, view.problemPlace) : null;
  return (
    <section
      aria-labelledby="next-step-title"
      data-testid="next-step"
      style={{ display: 'grid', gap: 8, padding: 12, borderRadius: tokens.borderRadiusMedium, background: tokens.colorNeutralBackground2 }}
    >
      <Subtitle2 as="h2" id="next-step-title" style={{ margin: 0 }}>
        {TITLES[step]}
      </Subtitle2>
      <Body1 data-testid="problem">
        {step === 'targets' && inSetup ? 'There is no Targets table yet: Create tables, below, makes one listing your classes, for you to type the weights.' : view.problem}
      </Body1>
      {step === 'targets' && !inSetup && (
        <Body1>Drift and trades compare your holdings with the weights you want. Setup creates a Targets table listing your classes.</Body1>
      )}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {step === 'holdings' && (
          <Button appearance="primary" onClick={onReadAgain}>
            Read the workbook again
          </Button>
        )}
        {step === 'targets' && !inSetup && (
          <Button appearance="primary" onClick={onSetup}>
            Go to Setup
          </Button>
        )}
        {cell && <GoToCell address={cell} label="Go to Targets" />}
      </div>
    </section>
  );
}
