import { describe, expect, it } from 'vitest';
import { checkReport, defineRule, INTERNAL_ERROR_RULE_ID, INVALID_OPTION_RULE_ID, RULES, rules, runRules, SERIES_RULES, setCell } from '../src/index.js';
import type { AnnualReport, CheckOptions, Rule } from '../src/index.js';
import { expectedReport, seedExpectation } from './support/fixtures.js';

const ruleNamed = (id: string): Rule => {
  const rule = RULES.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
};

// The engine is tested over the five sum rules, whose findings on these reports are known exactly;
// the other rules have their own tests.
const arithmeticRules = ['applications-balance', 'applications-outcome-total', 'applications-row-total', 'reviews-total', 'litigation-total'].map(
  (id) => ruleNamed(id),
);
const check = (report: AnnualReport, options: CheckOptions = {}) => runRules(report, arithmeticRules, options);

/** Seed 000 with 2 applications carried forward that were never received: one balance and one row-total error. */
function unbalancedReport(): AnnualReport {
  const report = expectedReport(seedExpectation('000'));
  setCell(report, 'applications.carriedForward.naturalPerson', 2);
  return report;
}

const failing = (id: string, message: string): Rule =>
  defineRule({
    meta: {
      id,
      category: 'structure',
      defaultSeverity: 'warning',
      description: { 'zh-CN': '测试用规则', en: 'A rule for the test' },
      messages: { found: { 'zh-CN': '发现：{what}', en: 'Found: {what}' } },
      examples: { failing: [], passing: [] },
    },
    check(_report, context) {
      context.report({ messageId: 'found', args: { what: 'before the failure' } });
      throw new Error(message);
    },
  });

describe('rule levels', () => {
  it('each rule reports at its default severity when not configured', () => {
    const diagnostics = check(unbalancedReport());
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['applications-balance', 'error'],
      ['applications-row-total', 'error'],
    ]);
  });

  it('a per-rule severity overrides the default for that rule only', () => {
    const diagnostics = check(unbalancedReport(), { rules: { 'applications-balance': 'warning' } });
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['applications-balance', 'warning'],
      ['applications-row-total', 'error'],
    ]);
  });

  it("'off' turns a rule off and leaves the others running", () => {
    const diagnostics = check(unbalancedReport(), { rules: { 'applications-balance': 'off' } });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['applications-row-total']);
  });

  it('every rule off: nothing reported', () => {
    const off = Object.fromEntries(rules.map((meta) => [meta.id, 'off' as const]));
    expect(checkReport(unbalancedReport(), { rules: off })).toEqual([]);
  });

  it("a rule's “cannot check” info is never raised by a higher configured level", () => {
    const report = expectedReport(seedExpectation('000'));
    setCell(report, 'applications.received.naturalPerson', null);
    const diagnostics = runRules(report, [ruleNamed('applications-balance')], { rules: { 'applications-balance': 'error' } });
    expect(diagnostics.map((d) => [d.messageId, d.severity])).toEqual([['incomplete', 'info']]);
  });

  it('a configured level below the rule’s own lowers every diagnostic to it', () => {
    const diagnostics = check(unbalancedReport(), { rules: { 'applications-balance': 'info', 'applications-row-total': 'info' } });
    expect(diagnostics.map((d) => d.severity)).toEqual(['info', 'info']);
  });
});

describe('locale', () => {
  it('renders messages in Chinese by default, with the catalog labels and the values', () => {
    const [balance] = check(unbalancedReport());
    expect(balance?.message).toMatch(/^表三/);
    expect(balance?.message).toContain('“自然人”');
    expect(balance?.message).toMatch(/16[\s\S]*18/);
    expect(balance?.message).not.toMatch(/[A-Za-z]{3}/);
    expect(balance?.related?.[3]?.message).toBe('四、结转下年度继续办理 · 自然人');
  });

  it("renders the same diagnostic in English with locale 'en'; only the text differs", () => {
    const zh = check(unbalancedReport());
    const en = check(unbalancedReport(), { locale: 'en' });
    expect(en[0]?.message).toMatch(/^Table 三/);
    expect(en[0]?.message).toContain('"Natural persons"');
    expect(en[0]?.message).toMatch(/16[\s\S]*18/);
    expect(en[0]?.message).not.toContain('自然人');
    expect(en[0]?.related?.[3]?.message).toBe('Carried forward to next year · Natural persons');
    const withoutText = (list: typeof zh) =>
      list.map(({ message: _message, related, ...rest }) => ({ ...rest, related: related?.map(({ message: _m, ...place }) => place) }));
    expect(withoutText(en)).toEqual(withoutText(zh));
    expect(en.every((d, index) => d.message !== zh[index]?.message)).toBe(true);
  });

  it("renders 'zh-CN' when asked explicitly, the same as the default", () => {
    expect(check(unbalancedReport(), { locale: 'zh-CN' })).toEqual(check(unbalancedReport()));
  });
});

describe('a rule that throws', () => {
  it('becomes one internal-error diagnostic, and the other rules still run', () => {
    const report = unbalancedReport();
    const rulesToRun = [failing('broken-rule', 'boom'), ruleNamed('applications-balance'), failing('another-broken-rule', 'bang')];
    const diagnostics = runRules(report, rulesToRun);
    const internal = diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR_RULE_ID);
    expect(internal).toEqual([
      {
        ruleId: 'internal-error',
        severity: 'error',
        messageId: 'internal-error',
        args: { rule: 'broken-rule', error: 'boom' },
        message: '规则 broken-rule 内部出错，未能完成检查：boom',
      },
      {
        ruleId: 'internal-error',
        severity: 'error',
        messageId: 'internal-error',
        args: { rule: 'another-broken-rule', error: 'bang' },
        message: '规则 another-broken-rule 内部出错，未能完成检查：bang',
      },
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'applications-balance')).toHaveLength(1);
  });

  it('keeps what the rule reported before it failed', () => {
    const diagnostics = runRules(unbalancedReport(), [failing('broken-rule', 'boom')]);
    expect(diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['broken-rule', '发现：before the failure'],
      ['internal-error', '规则 broken-rule 内部出错，未能完成检查：boom'],
    ]);
  });

  it('is reported in English too', () => {
    const [internal] = runRules(unbalancedReport(), [failing('broken-rule', 'boom')], { locale: 'en', rules: { 'broken-rule': 'off' } });
    expect(internal).toBeUndefined();
    const diagnostics = runRules(unbalancedReport(), [failing('broken-rule', 'boom')], { locale: 'en' });
    expect(diagnostics.find((d) => d.ruleId === 'internal-error')?.message).toBe('Rule broken-rule failed internally and did not finish: boom');
  });

  it('that throws something other than an Error is reported with its text', () => {
    const rule = defineRule({
      meta: { ...failing('throws-a-string', '').meta },
      check() {
        throw 'not an Error object';
      },
    });
    expect(runRules(unbalancedReport(), [rule])[0]?.args).toEqual({ rule: 'throws-a-string', error: 'not an Error object' });
  });

  it('that reports a message it does not define becomes internal-error, not an exception', () => {
    const rule = defineRule({
      meta: { ...failing('bad-message', '').meta },
      check(_report, context) {
        context.report({ messageId: 'no-such-message' });
      },
    });
    const diagnostics = runRules(unbalancedReport(), [rule]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['internal-error']);
    expect(diagnostics[0]?.args.rule).toBe('bad-message');
  });

  it('that reads a report missing its tables does not stop the check', () => {
    const report = unbalancedReport();
    (report as { tables: unknown }).tables = undefined;
    expect(() => checkReport(report)).not.toThrow();
    const diagnostics = check(report);
    expect(diagnostics.map((d) => [d.ruleId, d.args.rule])).toEqual(arithmeticRules.map((rule) => [INTERNAL_ERROR_RULE_ID, rule.meta.id]));
  });
});

describe('options that name no rule', () => {
  it('an unknown rule id is an invalid-option error, and the check still runs', () => {
    const diagnostics = check(unbalancedReport(), { rules: { 'no-such-rule': 'off' } });
    expect(diagnostics.find((d) => d.ruleId === INVALID_OPTION_RULE_ID)).toEqual({
      ruleId: 'invalid-option',
      severity: 'error',
      messageId: 'unknown-rule',
      args: { rule: 'no-such-rule' },
      message: '配置中的规则 no-such-rule 不存在',
    });
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['applications-balance', 'applications-row-total', 'invalid-option']);
  });

  it('an unknown level is an invalid-option error, and the rule keeps its default', () => {
    const diagnostics = check(unbalancedReport(), { rules: { 'applications-balance': 'fatal' as never }, locale: 'en' });
    expect(diagnostics.find((d) => d.ruleId === INVALID_OPTION_RULE_ID)).toMatchObject({
      messageId: 'unknown-level',
      args: { rule: 'applications-balance', level: 'fatal' },
      message: 'Rule applications-balance has an invalid level fatal (expected off, info, warning or error)',
    });
    expect(diagnostics.find((d) => d.ruleId === 'applications-balance')?.severity).toBe('error');
  });
});

describe('the rule catalog', () => {
  it('lists the metadata of every rule that runs, ids unique and kebab-case', () => {
    expect(rules.map((meta) => meta.id)).toEqual([...RULES, ...SERIES_RULES].map((rule) => rule.meta.id));
    expect(new Set(rules.map((meta) => meta.id)).size).toBe(rules.length);
    for (const meta of rules) {
      expect(meta.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(meta.description['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(meta.description.en).toMatch(/[a-z]/);
      expect(meta.examples.failing.length + meta.examples.passing.length).toBeGreaterThan(1);
    }
  });

  it('gives every message in both languages', () => {
    for (const meta of rules) {
      expect(Object.keys(meta.messages).length, meta.id).toBeGreaterThan(0);
      for (const [id, message] of Object.entries(meta.messages)) {
        expect(message['zh-CN'], `${meta.id}/${id}`).toMatch(/\p{Script=Han}/u);
        expect(message.en, `${meta.id}/${id}`).toMatch(/[A-Za-z]{2}/);
      }
    }
  });
});

describe('a failure of the reader itself', () => {
  it('is reported as internal-error, in either locale, and the rules still run', () => {
    const report: AnnualReport = { ...expectedReport(seedExpectation('001')), readerFailures: [{ stage: 'tables', message: 'boom' }] };
    setCell(report, 'reviews.review.total', 9);
    const zh = checkReport(report);
    const failure = zh.find((d) => d.ruleId === INTERNAL_ERROR_RULE_ID);
    expect(failure).toMatchObject({ severity: 'error', messageId: 'reader-failure', args: { stage: 'tables', error: 'boom' } });
    expect(failure?.message).toBe('读取报告时tables阶段内部出错，相关内容未能读取：boom');
    expect(zh.some((d) => d.ruleId === 'reviews-total')).toBe(true);
    expect(checkReport(report, { locale: 'en' }).find((d) => d.ruleId === INTERNAL_ERROR_RULE_ID)?.message).toMatch(/^The reader failed internally/);
  });
});

describe('what a report whose reading failed still gets (decided by the engine, not by each rule)', () => {
  it('a text that is not a report: no rule but not-a-report runs at all', () => {
    const report = { ...unbalancedReport(), completeness: { verdict: 'not-a-report' as const } };
    const diagnostics = runRules(report, [...arithmeticRules, failing('broken-rule', 'boom'), ruleNamed('not-a-report')]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['not-a-report']);
  });

  it('a document its front-end could not read: the rules that would list every section and table as missing stay silent', () => {
    const report: AnnualReport = { ...expectedReport(seedExpectation('000')), sections: [], tables: {}, problems: [{ code: 'encrypted', message: 'needs a password' }] };
    const ids = ['section-missing', 'table-missing', 'cell-missing', 'document-unreadable'];
    expect(runRules(report, ids.map(ruleNamed)).map((d) => d.ruleId)).toEqual(['document-unreadable']);
    // The same report read in full is missing all of them.
    const { problems: _problems, ...read } = report;
    expect(new Set(runRules(read, ids.map(ruleNamed)).map((d) => d.ruleId))).toEqual(new Set(['section-missing', 'table-missing']));
  });
});
