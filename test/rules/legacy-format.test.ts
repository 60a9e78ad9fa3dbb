import { createReport } from '../../src/model/index.js';
import { legacyFormat } from '../../src/rules/legacy-format.js';
import { sampleReport } from '../../src/rules/index.js';
import { TextSpans, legacySeed, seed, testRule } from './tester.js';

const legacy = legacySeed();
// A 2024 report that kept the 2019 template (its table 二 has 本年新制作数量).
const outdated = new TextSpans('某县2024年政府信息公开工作年度报告\n一、总体情况\n……\n二、主动公开政府信息情况\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n');

testRule(legacyFormat, {
  valid: [
    { name: 'seed 000: a 2024 report in the 2021 format', report: () => seed('000').report },
    { name: 'a 2017 report in the pre-2019 style (right for its year)', report: () => createReport({ year: 2017, formatVersion: 'pre-2019' }) },
    { name: 'a report whose format was not recognised (nothing to compare)', report: () => ({ ...createReport(), meta: { formatVersion: 'unknown' as const } }) },
    { name: 'a 2020 report in the current format (newer than required)', report: () => createReport({ year: 2020 }) },
    {
      name: 'a 2020 report in the 2019 format is right: its table 二 is modelled and checked, nothing to say',
      report: () => {
        const report = sampleReport('2019');
        report.meta.year = { value: 2020 };
        return report;
      },
    },
    { name: 'a 2018 report in the 2019 format (newer than required; no claim on its year)', report: () => createReport({ year: 2018, formatVersion: '2019' }) },
  ],
  invalid: [
    {
      name: 'seed 002: the pre-2019 style with no year',
      source: legacy.spans.source,
      report: () => legacy.report,
      diagnostics: [
        {
          messageId: 'outdatedNoYear',
          severity: 'error',
          expected: '2021',
          actual: 'pre-2019',
          span: { text: '一、概述', line: 11, column: 1 },
          message: {
            'zh-CN': '报告采用的是旧格式（《政府信息公开条例》（2008））；现行报告应采用国办公开办函〔2021〕30号规定的格式。',
            en: 'The report uses an outdated format (《政府信息公开条例》（2008）); current reports must follow the format of 国办公开办函〔2021〕30号.',
          },
        },
      ],
    },
    {
      name: 'a 2024 report in the 2019 format, pointing at its year',
      source: outdated.source,
      report: () => {
        const report = createReport({ formatVersion: '2019' });
        report.meta.year = { value: 2024, span: outdated.find('2024') };
        return report;
      },
      diagnostics: [
        {
          messageId: 'outdated',
          severity: 'error',
          expected: '2021',
          actual: '2019',
          span: { text: '2024', line: 1, column: 3 },
          message: {
            'zh-CN': '报告采用的是旧格式（国办公开办函〔2019〕60号），而 2024 年度报告应采用国办公开办函〔2021〕30号规定的格式。',
            en: 'The report uses an outdated format (国办公开办函〔2019〕60号); a report for 2024 must follow the format of 国办公开办函〔2021〕30号.',
          },
        },
      ],
    },
    {
      name: 'a 2019 report in the pre-2019 style: due the 2019 format',
      report: () => createReport({ year: 2019, formatVersion: 'pre-2019' }),
      diagnostics: [
        {
          messageId: 'outdated',
          severity: 'error',
          expected: '2019',
          actual: 'pre-2019',
          span: null,
          message: {
            'zh-CN': '报告采用的是旧格式（《政府信息公开条例》（2008）），而 2019 年度报告应采用国办公开办函〔2019〕60号规定的格式。',
            en: 'The report uses an outdated format (《政府信息公开条例》（2008）); a report for 2019 must follow the format of 国办公开办函〔2019〕60号.',
          },
        },
      ],
    },
  ],
});
