import type { SectionKey } from '../../src/catalog/index.js';
import { sectionOrder } from '../../src/rules/section-order.js';
import { parseReport } from '../../src/read/index.js';
import { sampleReport } from '../../src/rules/index.js';
import { seed, testRule } from './tester.js';
import type { TextSpans } from './tester.js';

/** The sample report with its sections in the given order. */
const inOrder = (...keys: SectionKey[]) => () => {
  const report = sampleReport();
  report.sections = keys.map((key) => report.sections.find((section) => section.key === key) ?? { key, heading: key });
  return report;
};

// Seed 001 with its section 四 (heading and table) moved before section 三, as an editor might paste it.
const SECTION_FOUR = '四、政府信息公开行政复议、行政诉讼情况';
const moveFourBeforeThree = (text: string): string => {
  const four = text.indexOf(SECTION_FOUR);
  const five = text.indexOf('五、存在的主要问题及改进情况');
  const block = text.slice(four, five);
  const rest = text.slice(0, four) + text.slice(five);
  const three = rest.indexOf('三、收到和处理政府信息公开申请情况\n');
  return rest.slice(0, three) + block + rest.slice(three);
};
const moved = seed('001', moveFourBeforeThree);
// Seed 001 with its section 六 moved before section 五.
const SECTION_SIX = '六、其他需要报告的事项';
const moveSixBeforeFive = (text: string): string => {
  const six = text.indexOf(SECTION_SIX);
  const signature = text.indexOf('西畴县人民政府办公室\n2024年1月22日');
  const rest = text.slice(0, six) + text.slice(signature);
  const five = rest.indexOf('五、存在的主要问题及改进情况');
  return rest.slice(0, five) + text.slice(six, signature) + rest.slice(five);
};
const sixMoved = seed('001', moveSixBeforeFive);

/** The report the reader makes of an edited seed text: sections, spans and all read from the text. */
const readFrom = (spans: TextSpans) => () => parseReport(spans.source.original);

/** The report's sections in text order, with their heading spans in the edited text. */
const withHeadings = (spans: TextSpans, headings: readonly [SectionKey, string][]) =>
  headings.map(([key, heading]) => ({ key, heading, headingSpan: spans.line(heading) }));

testRule(sectionOrder, {
  valid: [
    { name: 'seed 003 in template order', report: () => seed('003').report },
    { name: 'a section missing, the rest in order', report: inOrder('overview', 'applications', 'reviewsAndLitigation', 'problems', 'otherMatters') },
    {
      name: 'a heading found again later (judged at its first occurrence)',
      report: inOrder('overview', 'activeDisclosure', 'applications', 'reviewsAndLitigation', 'problems', 'otherMatters', 'applications'),
    },
    { name: 'no sections at all (section-missing speaks)', report: inOrder() },
  ],
  invalid: [
    {
      name: 'seed 001 with section 四 moved before section 三',
      source: moved.spans.source,
      report: () => {
        const { report, spans } = moved;
        report.sections = withHeadings(spans, [
          ['overview', '一、总体情况'],
          ['activeDisclosure', '二、主动公开政府信息情况'],
          ['reviewsAndLitigation', SECTION_FOUR],
          ['applications', '三、收到和处理政府信息公开申请情况'],
          ['problems', '五、存在的主要问题及改进情况'],
          ['otherMatters', '六、其他需要报告的事项'],
        ]);
        return report;
      },
      diagnostics: [
        {
          messageId: 'after',
          severity: 'warning',
          span: { text: SECTION_FOUR, line: 24, column: 1 },
          message: {
            'zh-CN': '“四、政府信息公开行政复议、行政诉讼情况”的位置不符合模板顺序，应位于“三、收到和处理政府信息公开申请情况”之后。',
            en: 'Section 四 (Administrative reviews and litigation) is out of the template order: it should come after "Section 三 (Applications for disclosure received and handled)".',
          },
        },
      ],
    },
    {
      name: 'seed 001 with section 四 moved before section 三, read from the text',
      source: moved.spans.source,
      report: readFrom(moved.spans),
      diagnostics: [
        {
          messageId: 'after',
          severity: 'warning',
          span: { text: SECTION_FOUR, line: 24, column: 1 },
          message: {
            'zh-CN': '“四、政府信息公开行政复议、行政诉讼情况”的位置不符合模板顺序，应位于“三、收到和处理政府信息公开申请情况”之后。',
            en: 'Section 四 (Administrative reviews and litigation) is out of the template order: it should come after "Section 三 (Applications for disclosure received and handled)".',
          },
        },
      ],
    },
    {
      name: 'seed 001 with section 六 moved before section 五, read from the text',
      source: sixMoved.spans.source,
      report: readFrom(sixMoved.spans),
      diagnostics: [
        {
          messageId: 'after',
          severity: 'warning',
          span: { text: SECTION_SIX, line: 58, column: 1 },
          message: {
            'zh-CN': '“六、其他需要报告的事项”的位置不符合模板顺序，应位于“五、存在的主要问题及改进情况”之后。',
            en: 'Section 六 (Other matters to report) is out of the template order: it should come after "Section 五 (Main problems and improvements)".',
          },
        },
      ],
    },
    {
      name: 'section 六 first: only 六 is out of place, not the five after it',
      report: inOrder('otherMatters', 'overview', 'activeDisclosure', 'applications', 'reviewsAndLitigation', 'problems'),
      diagnostics: [
        {
          messageId: 'after',
          severity: 'warning',
          span: null,
          message: {
            'zh-CN': '“六、其他需要报告的事项”的位置不符合模板顺序，应位于“五、存在的主要问题及改进情况”之后。',
            en: 'Section 六 (Other matters to report) is out of the template order: it should come after "Section 五 (Main problems and improvements)".',
          },
        },
      ],
    },
    {
      name: 'section 一 last: it belongs before the others',
      report: inOrder('activeDisclosure', 'applications', 'reviewsAndLitigation', 'problems', 'otherMatters', 'overview'),
      diagnostics: [
        {
          messageId: 'first',
          severity: 'warning',
          span: null,
          message: {
            'zh-CN': '“一、总体情况”的位置不符合模板顺序，应位于其他部分之前。',
            en: 'Section 一 (Overview) is out of the template order: it should come before the other sections.',
          },
        },
      ],
    },
  ],
});
