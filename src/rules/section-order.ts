import { SECTION_KEYS } from '../catalog/index.js';
import type { Section } from '../model/index.js';
import { defineRule } from './rule.js';

/**
 * The sections that are in template order: the longest run of sections (not necessarily adjacent)
 * whose template positions increase. Every other section is out of place; choosing the longest run
 * blames the fewest sections (one section moved to the end is one problem, not five).
 */
function inOrder(positions: readonly number[]): Set<number> {
  // Patience sorting with back-links: O(n log n), n ≤ a handful but the input is not trusted.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(positions.length).fill(-1);
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index] as number;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((positions[tails[middle] as number] as number) < position) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  }
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index >= 0; index = previous[index] as number) kept.add(index);
  return kept;
}

/** The six sections must follow the template's order 一 … 六. */
export const sectionOrder = defineRule({
  meta: {
    id: 'section-order',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      'zh-CN': '六个部分须按模板顺序（一至六）排列；报告位置不对的部分，并指出它应在哪一部分之后。',
      en: 'The six sections must follow the template order (一 to 六); a section out of place is reported with the section it should follow.',
    },
    messages: {
      after: {
        'zh-CN': '“{section}”的位置不符合模板顺序，应位于{sections}之后。',
        en: '{section} is out of the template order: it should come after {sections}.',
      },
      first: {
        'zh-CN': '“{section}”的位置不符合模板顺序，应位于其他部分之前。',
        en: '{section} is out of the template order: it should come before the other sections.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '第四部分写在第三部分之前', en: 'Section 四 comes before section 三' },
          sections: ['overview', 'activeDisclosure', 'reviewsAndLitigation', 'applications', 'problems', 'otherMatters'],
        },
      ],
      passing: [
        { summary: { 'zh-CN': '六个部分按顺序排列', en: 'The six sections in order' } },
        {
          summary: { 'zh-CN': '缺少一个部分，其余顺序正确（缺失由 section-missing 报告）', en: 'One section missing, the rest in order (section-missing reports the gap)' },
          dropSections: ['activeDisclosure'],
        },
      ],
    },
  },
  check(report, context) {
    // A heading found twice is judged at its first occurrence; the order of the rest decides.
    const seen = new Set<string>();
    const sections: Section[] = [];
    for (const section of report.sections) {
      // A key the catalog does not know has no place in the order to be judged by.
      if (seen.has(section.key) || !SECTION_KEYS.includes(section.key)) continue;
      seen.add(section.key);
      sections.push(section);
    }
    const positions = sections.map((section) => SECTION_KEYS.indexOf(section.key));
    const kept = inOrder(positions);
    sections.forEach((section, index) => {
      if (kept.has(index)) return;
      const position = positions[index] as number;
      // The section it should follow: the nearest earlier template section among those in order.
      let predecessor: Section | undefined;
      let predecessorPosition = -1;
      kept.forEach((keptIndex) => {
        const keptPosition = positions[keptIndex] as number;
        if (keptPosition < position && keptPosition > predecessorPosition) {
          predecessor = sections[keptIndex];
          predecessorPosition = keptPosition;
        }
      });
      const span = section.headingSpan;
      context.report({
        messageId: predecessor ? 'after' : 'first',
        args: predecessor ? { section: section.key, sections: predecessor.key } : { section: section.key },
        ...(span ? { span } : {}),
      });
    });
  },
});
