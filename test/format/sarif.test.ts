import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_RULE_ID, INVALID_INPUT_RULE_ID, INVALID_OPTION_RULE_ID, TOO_MANY_FINDINGS_RULE_ID, createSarifWriter, fileUri, formatSarif, rules, summarize } from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';
import { DIAGNOSTICS, EXCERPT } from './fixtures.js';
import { sarifErrors } from './sarif-validator.js';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, any>[] } };
    results: Record<string, any>[];
    artifacts: Record<string, any>[];
    invocations: Record<string, any>[];
    originalUriBaseIds?: Record<string, { uri: string }>;
  }[];
}

const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;

describe('formatSarif', () => {
  const results = [summarize('报告/2023 年报.txt', DIAGNOSTICS, { text: EXCERPT, encoding: 'GB18030' }), summarize('clean.txt', [])];
  const log = parse(formatSarif(results, { toolVersion: '1.2.3', informationUri: 'https://example.org/xxgk-lint' }));
  const [run] = log.runs;

  it('is valid SARIF 2.1.0', () => {
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
  });

  it('describes every rule of the catalog, and the engine ids', () => {
    const driver = run!.tool.driver;
    expect(driver).toMatchObject({ name: 'xxgk-lint', version: '1.2.3' });
    expect(driver.rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.id), INTERNAL_ERROR_RULE_ID, INVALID_OPTION_RULE_ID, INVALID_INPUT_RULE_ID, TOO_MANY_FINDINGS_RULE_ID]);
    for (const meta of rules) {
      const descriptor = driver.rules.find((rule) => rule.id === meta.id)!;
      expect(descriptor.fullDescription.text).toBe(meta.description['zh-CN']);
      expect(descriptor.shortDescription.text.length).toBeGreaterThan(0);
      expect(descriptor.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[meta.defaultSeverity]);
      expect(descriptor.helpUri).toMatch(new RegExp(`/docs/rules\\.md#${meta.id}$`));
      expect(descriptor.properties.category).toBe(meta.category);
      expect(descriptor.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
  });

  it('gives one result per diagnostic, pointing at its rule descriptor, with SARIF levels', () => {
    expect(run!.results).toHaveLength(DIAGNOSTICS.length);
    run!.results.forEach((result, index) => {
      const diagnostic = DIAGNOSTICS[index]!;
      expect(result.ruleId).toBe(diagnostic.ruleId);
      expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(diagnostic.ruleId);
      expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[diagnostic.severity]);
      expect(result.message.text).toBe(diagnostic.message);
    });
  });

  it('locates a result with a 1-based region whose offsets select the reported text', () => {
    const region = run!.results[0]!.locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 2, startColumn: 9, endLine: 2, endColumn: 11, charOffset: DIAGNOSTICS[0]!.span!.start, charLength: 2 });
    expect(EXCERPT.substr(region.charOffset, region.charLength)).toBe('１８');
    expect(run!.results[0]!.locations[0].physicalLocation.artifactLocation).toEqual({ uri: '%E6%8A%A5%E5%91%8A/2023%20%E5%B9%B4%E6%8A%A5.txt', index: 0 });
  });

  it('gives a diagnostic without a span the whole file as its region, and a logical location', () => {
    const location = run!.results[2]!.locations[0];
    const lines = EXCERPT.split(/\r\n|\r|\n/);
    expect(location.physicalLocation).toEqual({
      artifactLocation: { uri: '%E6%8A%A5%E5%91%8A/2023%20%E5%B9%B4%E6%8A%A5.txt', index: 0 },
      region: { startLine: 1, startColumn: 1, endLine: lines.length, endColumn: (lines.at(-1) as string).length + 1, charOffset: 0, charLength: EXCERPT.length },
    });
    expect(location.logicalLocations).toEqual([{ name: 'report', kind: 'module' }]);
    // Without the text there is no length to give: the file alone, never an invented region.
    const bare = parse(formatSarif([summarize('a.txt', [DIAGNOSTICS[2]!])], { toolVersion: '1.2.3' })).runs[0]!.results[0]!.locations[0];
    expect(bare.physicalLocation).toEqual({ artifactLocation: { uri: 'a.txt', index: 0 } });
  });

  it('names the template element of a finding about a cell, row or table as a logical location', () => {
    expect(run!.results[0]!.locations[0].logicalLocations).toEqual([{ name: 'total', fullyQualifiedName: 'applications/received/total', kind: 'element' }]);
    expect(run!.results[3]!.locations[0].logicalLocations).toEqual([{ name: 'applications', fullyQualifiedName: 'applications', kind: 'element' }]);
  });

  it('describes every rule with tags, a precision and a code-scanning severity, and the engine ids with help', () => {
    for (const descriptor of run!.tool.driver.rules) {
      expect(descriptor.help.text.length).toBeGreaterThan(0);
      expect(descriptor.properties.tags).toContain('xxgk-lint');
      expect(['very-high', 'high']).toContain(descriptor.properties.precision);
      expect(['error', 'warning', 'recommendation']).toContain(descriptor.properties['problem.severity']);
    }
  });

  it('carries related places as relatedLocations', () => {
    const related = run!.results[0]!.relatedLocations;
    expect(related).toHaveLength(2);
    expect(related[0].message.text).toBe('表三 一、本年新收政府信息公开申请数量: 16');
    expect(related[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 9, endLine: 3, endColumn: 11 });
    expect(related[1].physicalLocation).toEqual({ artifactLocation: expect.objectContaining({ index: 0 }) });
  });

  it('keeps the structured fields of a diagnostic in the result properties', () => {
    expect(run!.results[0]!.properties).toMatchObject({ messageId: 'applicationsReceived', table: 'applications', row: 'received', column: 'total', expected: '18', actual: '16' });
  });

  it('lists every file as an artifact, with its encoding', () => {
    expect(run!.artifacts).toEqual([
      { location: { uri: '%E6%8A%A5%E5%91%8A/2023%20%E5%B9%B4%E6%8A%A5.txt' }, encoding: 'GB18030' },
      { location: { uri: 'clean.txt' } },
    ]);
    expect(run!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('fingerprints a finding by its place in the template, not by its values or position', () => {
    const moved = { ...DIAGNOSTICS[0]!, args: { actual: 15, expected: 18 }, span: { ...DIAGNOSTICS[0]!.span!, start: 90, line: 7 } };
    const again = parse(formatSarif([summarize('报告/2023 年报.txt', [moved, moved])], { toolVersion: '1.2.3' })).runs[0]!.results;
    expect(again[0]!.partialFingerprints).toEqual(run!.results[0]!.partialFingerprints);
    expect(again[1]!.partialFingerprints['xxgkLint/v1']).not.toBe(again[0]!.partialFingerprints['xxgkLint/v1']);
  });

  it('always has results, even when nothing was found', () => {
    const empty = parse(formatSarif([], { toolVersion: '1.2.3' }));
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.artifacts).toEqual([]);
    expect(sarifErrors(empty)).toEqual([]);
  });

  it('stays valid with internal errors, invalid options and unknown rule ids, and marks the run unsuccessful', () => {
    const odd: Diagnostic[] = [
      { ruleId: INTERNAL_ERROR_RULE_ID, severity: 'error', messageId: INTERNAL_ERROR_RULE_ID, args: { rule: 'x', error: 'boom' }, message: '规则 x 内部出错' },
      { ruleId: INVALID_OPTION_RULE_ID, severity: 'error', messageId: 'unknown-rule', args: { rule: 'nope' }, message: '配置中的规则 nope 不存在' },
      { ruleId: 'custom-rule', severity: 'warning', messageId: 'm', args: {}, message: 'custom', span: { start: 0, end: 0, line: 1, column: 1 } },
    ];
    const oddLog = parse(formatSarif([summarize('a.txt', odd)], { toolVersion: '1.2.3' }));
    expect(sarifErrors(oddLog)).toEqual([]);
    const [internal, invalid, custom] = oddLog.runs[0]!.results;
    expect(oddLog.runs[0]!.tool.driver.rules[internal!.ruleIndex]!.id).toBe(INTERNAL_ERROR_RULE_ID);
    expect(oddLog.runs[0]!.tool.driver.rules[invalid!.ruleIndex]!.id).toBe(INVALID_OPTION_RULE_ID);
    expect(custom!.ruleIndex).toBeUndefined();
    expect(custom!.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1, charLength: 0 });
    expect(oddLog.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('records files that could not be read as notifications', () => {
    const failed = parse(formatSarif([], { toolVersion: '1.2.3', failures: [{ file: 'missing.txt', message: '找不到文件 missing.txt' }] }));
    expect(sarifErrors(failed)).toEqual([]);
    expect(failed.runs[0]!.invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        { level: 'error', message: { text: '找不到文件 missing.txt' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.txt' } } }] },
      ],
    });
  });

  it('names relative files against SRCROOT when given a base, and describes rules in English on request', () => {
    const based = parse(formatSarif(results, { toolVersion: '1.2.3', baseUri: 'file:///work/reports/', locale: 'en' }));
    expect(sarifErrors(based)).toEqual([]);
    expect(based.runs[0]!.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/reports/' } });
    expect(based.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('SRCROOT');
    expect(based.runs[0]!.tool.driver.rules[0]!.fullDescription.text).toBe(rules[0]!.description.en);
  });

  it('is the writer pieces concatenated, so it can be streamed', () => {
    const writer = createSarifWriter({ toolVersion: '1.2.3' });
    const streamed = writer.start() + results.map((result) => writer.add(result)).join('') + writer.finish();
    expect(streamed).toBe(formatSarif(results, { toolVersion: '1.2.3' }));
  });
});

describe('fileUri', () => {
  it('percent-encodes each segment and turns absolute paths into file URIs', () => {
    expect(fileUri('./reports/年报 #1.txt')).toBe('reports/%E5%B9%B4%E6%8A%A5%20%231.txt');
    expect(fileUri('/srv/a b.txt')).toBe('file:///srv/a%20b.txt');
    expect(fileUri('C:\\报告\\a.txt')).toBe('file:///C:/%E6%8A%A5%E5%91%8A/a.txt');
    expect(fileUri('reports\\a.txt')).toBe('reports/a.txt');
    expect(fileUri('<stdin>')).toBe('%3Cstdin%3E');
  });
});

describe('links', () => {
  it('invents no address: without a homepage there is no informationUri and no helpUri', () => {
    const driver = parse(formatSarif([], { toolVersion: '1.2.3' })).runs[0]!.tool.driver;
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.every((rule) => rule.helpUri === undefined && typeof rule.fullDescription.text === 'string')).toBe(true);
  });

  it('links every rule to its section of docs/rules.md under the homepage', () => {
    const driver = parse(formatSarif([], { toolVersion: '1.2.3', informationUri: 'https://example.org/xxgk-lint' })).runs[0]!.tool.driver;
    expect(driver.informationUri).toBe('https://example.org/xxgk-lint');
    expect(driver.rules.map((rule) => rule.helpUri)).toEqual(driver.rules.map((rule) => `https://example.org/xxgk-lint/blob/main/docs/rules.md#${rule.id}`));
  });
});

describe('the SARIF schema check', () => {
  it('rejects what code scanning would reject: line 0, an unknown level, a malformed URI', () => {
    const log = parse(formatSarif([summarize('a.txt', DIAGNOSTICS, { text: EXCERPT })], { toolVersion: '1.2.3' }));
    const result = log.runs[0]!.results[0]!;
    result.locations[0].physicalLocation.region.startLine = 0;
    result.level = 'info';
    log.runs[0]!.tool.driver.informationUri = 'not a uri';
    const paths = sarifErrors(log).map((error) => error.instancePath);
    expect(paths).toContain('/runs/0/results/0/locations/0/physicalLocation/region/startLine');
    expect(paths).toContain('/runs/0/results/0/level');
    expect(paths).toContain('/runs/0/tool/driver/informationUri');
  });
});
