/**
 * functions.json is generated from the JSDoc in src/functions/functions.ts at build time; this builds
 * it the same way (the custom-functions-metadata package the webpack plugin uses) and checks that
 * every id Excel will see has an exported implementation — and the other way round.
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../src/functions/functions';
import { HOSTED_FUNCTIONS } from '../support/hyperformula-host';

interface Metadata {
  functions: {
    id: string;
    name: string;
    parameters: { name: string; optional?: boolean; dimensionality?: string }[];
    options?: Record<string, boolean>;
    result?: { type?: string; dimensionality?: string };
  }[];
}

const SOURCE = path.resolve(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

describe('functions.json', () => {
  let metadata: Metadata;
  let associations: { functionName: string; id: string }[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(SOURCE);
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson) as Metadata;
    associations = generated.associate;
  });

  it('declares DRIFT with two matrix ranges, optional Settings and Mix ranges and parameter addresses', () => {
    const drift = metadata.functions.find((f) => f.id === 'DRIFT');
    expect(drift).toBeDefined();
    expect(drift!.parameters.map((p) => [p.name, p.dimensionality, p.optional ?? false])).toEqual([
      ['holdings', 'matrix', false],
      ['targets', 'matrix', false],
      ['settings', 'matrix', true],
      ['mix', 'matrix', true],
    ]);
    expect(drift!.options).toMatchObject({ requiresParameterAddresses: true });
  });

  // Microsoft's metadata reference: requiresParameterAddresses must come with a matrix result.
  it('declares a matrix result for every function that asks for its parameters’ addresses', () => {
    const asking = metadata.functions.filter((f) => f.options?.requiresParameterAddresses);
    expect(asking.map((f) => f.id).sort()).toEqual(['DRIFT', 'DUE', 'EXPOSURE', 'TRADES']);
    for (const f of asking) expect([f.id, f.result?.dimensionality]).toEqual([f.id, 'matrix']);
  });

  it('gives REBAL.DUE its verdict as one cell: a 1×1 matrix', () => {
    const result = functions.due(
      [['Ticker', 'Shares', 'Price'], ['VTI', 10, 100]],
      [['Ticker', 'Target'], ['VTI', 1]],
      [['Key', 'Value'], ['AsOf', '2026-11-21']],
      null as never,
      {} as never,
    );
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(1);
    expect(result[0][0]).toMatch(/^(Not due|Due): /);
  });

  it('has an exported implementation for every id, and an id for every exported function', () => {
    const exported = Object.entries(functions).filter(([, v]) => typeof v === 'function').map(([k]) => k).sort();
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions) {
      const association = associations.find((a) => a.id === f.id);
      expect(association).toBeDefined();
      expect(typeof (functions as Record<string, unknown>)[association!.functionName]).toBe('function');
    }
    expect(associations.map((a) => a.functionName).sort()).toEqual(exported);
  });

  it('is hosted in the HyperFormula test host under the REBAL namespace, one for one', () => {
    expect(HOSTED_FUNCTIONS.map((h) => h.name).sort()).toEqual(metadata.functions.map((f) => `REBAL.${f.name}`).sort());
  });

  // Mix comes last, so formulas written before it keep their meaning (issue 10).
  it.each(['DRIFT', 'DUE', 'TRADES'])('%s takes the optional mix range last, and the test host takes as many arguments', (id) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    expect(f.parameters[f.parameters.length - 1]).toMatchObject({ name: 'mix', dimensionality: 'matrix', optional: true });
    const hosted = HOSTED_FUNCTIONS.find((h) => h.name === `REBAL.${f.name}`)!;
    expect([hosted.required, hosted.optional]).toEqual([f.parameters.filter((p) => !p.optional).length, f.parameters.filter((p) => p.optional).length]);
  });
});
