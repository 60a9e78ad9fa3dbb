import { narrativeSentences, sourceOf } from '../series/narrative.js';
import { compareNarratives } from '../series/similarity.js';
import { defineSeriesRule } from './rule.js';
import type { ProblemRelated } from './rule.js';
import { yearOf } from './support/series.js';

/** Above this share of repeated narrative the report is said to repeat last year's (宿迁's scoring deducts above 50%). */
export const TEXT_REPEATED_THRESHOLD = 0.5;
/** Narratives shorter than this (compared characters) are not judged: an excerpt says nothing of copying. */
export const TEXT_REPEATED_MINIMUM = 200;
/** How many of the longest copied passages a finding names. */
const PASSAGES_NAMED = 3;

const percent = (share: number): number => Math.round(share * 1000) / 10;

/** The narrative repeats last year's report for more than half of its text. */
export const textRepeated = defineSeriesRule({
  scope: 'pair',
  meta: {
    id: 'text-repeated',
    category: 'series',
    defaultSeverity: 'warning',
    description: {
      'zh-CN':
        '正文（表格以外的文字）逐句与上一年度报告比较，重复部分超过一半：可能沿用了上年报告。比较时忽略空格、标点和数字的变化，一句话的大部分（80%）与上年某句相同即算重复；报告重复比例和最长的几段重复文字在两份报告中的位置。',
      en: 'The narrative (the text outside the tables), compared sentence by sentence with last year’s report, repeats it for more than half: last year’s report may have been reused. Spaces, punctuation and changed figures are ignored; a sentence counts as repeated when 80% of it is in one sentence of last year’s. The finding gives the share and where the longest repeated passages are in both reports.',
    },
    messages: {
      repeated: {
        'zh-CN': '正文有 {percent}% 与{previousYear}年度报告重复（{repeated}/{compared} 字），最长一段重复 {longest} 字。',
        en: '{percent}% of the narrative repeats the {previousYear} report ({repeated} of {compared} characters); the longest repeated passage has {longest} characters.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '本年正文与上年逐句相同，只改了年份', en: 'The narrative is last year’s, sentence for sentence, with the year changed' },
          text: '示例县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2024年，示例县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕县委县政府中心工作，持续深化政务公开，主动回应社会关切，政府信息公开工作取得新的成效。全年通过政府门户网站主动公开各类政府信息一千余条，及时发布政策文件、财政预决算、重大项目建设等重点领域信息，进一步保障了人民群众的知情权、参与权和监督权。\n（一）主动公开\n严格落实信息公开审查制度，按照谁公开谁审查、谁审查谁负责的原则，做到应公开尽公开，确保公开内容准确规范。\n五、存在的主要问题及改进情况\n政府信息公开工作仍存在公开内容不够全面、政策解读形式较为单一等问题。下一步将加强业务培训，提高工作人员的业务水平和责任意识。\n六、其他需要报告的事项\n本年度未收取信息处理费。',
          previous: {
            text: '示例县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，示例县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕县委县政府中心工作，持续深化政务公开，主动回应社会关切，政府信息公开工作取得新的成效。全年通过政府门户网站主动公开各类政府信息一千余条，及时发布政策文件、财政预决算、重大项目建设等重点领域信息，进一步保障了人民群众的知情权、参与权和监督权。\n（一）主动公开\n严格落实信息公开审查制度，按照谁公开谁审查、谁审查谁负责的原则，做到应公开尽公开，确保公开内容准确规范。\n五、存在的主要问题及改进情况\n政府信息公开工作仍存在公开内容不够全面、政策解读形式较为单一等问题。下一步将加强业务培训，提高工作人员的业务水平和责任意识。\n六、其他需要报告的事项\n本年度未收取信息处理费。',
          },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '本年正文是新写的', en: 'This year’s narrative is newly written' },
          text: '示例县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我县以数字政府建设为抓手，将政务公开嵌入审批、执法和服务全流程，上线惠企政策一键查询专区，汇集政策原文、图解和常见问答，企业群众可按行业和事项检索。县财政、教育、卫健等部门每季度召开一次政策发布会，邀请群众代表现场提问，会后将问答整理上网。\n（一）主动公开\n今年新建了重大建设项目批准和实施信息专栏，按项目逐一公开审批、招标、施工和验收信息，方便群众监督。\n五、存在的主要问题及改进情况\n部分乡镇更新基层政务公开目录不及时，明年起每半年开展一次交叉检查，检查结果纳入年度考核。\n六、其他需要报告的事项\n本年度未收取信息处理费。',
          previous: {
            text: '示例县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，示例县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕县委县政府中心工作，持续深化政务公开，主动回应社会关切，政府信息公开工作取得新的成效。全年通过政府门户网站主动公开各类政府信息一千余条，及时发布政策文件、财政预决算、重大项目建设等重点领域信息，进一步保障了人民群众的知情权、参与权和监督权。\n（一）主动公开\n严格落实信息公开审查制度，按照谁公开谁审查、谁审查谁负责的原则，做到应公开尽公开，确保公开内容准确规范。\n五、存在的主要问题及改进情况\n政府信息公开工作仍存在公开内容不够全面、政策解读形式较为单一等问题。下一步将加强业务培训，提高工作人员的业务水平和责任意识。\n六、其他需要报告的事项\n本年度未收取信息处理费。',
          },
        },
      ],
    },
  },
  check(current, previous, context) {
    const here = sourceOf(current);
    const there = previous ? sourceOf(previous) : undefined;
    if (!previous || !here || !there) return;
    const similarity = compareNarratives(narrativeSentences(current.report, here), narrativeSentences(previous.report, there));
    if (similarity.compared < TEXT_REPEATED_MINIMUM || similarity.share <= TEXT_REPEATED_THRESHOLD) return;
    const previousYear = yearOf(previous) ?? '';
    const passages = similarity.passages.slice(0, PASSAGES_NAMED);
    const [longest] = passages;
    const related: ProblemRelated[] = passages.flatMap((passage, index): ProblemRelated[] => [
      {
        message: { 'zh-CN': '第 {index} 段重复文字（{length} 字）', en: 'Repeated passage {index} ({length} characters)' },
        args: { index: index + 1, length: passage.length },
        span: passage.current,
      },
      {
        message: { 'zh-CN': '{previousYear}年度报告中的第 {index} 段', en: 'Passage {index} in the {previousYear} report' },
        args: { index: index + 1, previousYear },
        uri: context.previousUri,
        span: passage.previous,
      },
    ]);
    context.report({
      messageId: 'repeated',
      args: { percent: percent(similarity.share), repeated: similarity.repeated, compared: similarity.compared, longest: longest?.length ?? 0, previousYear },
      ...(longest ? { span: longest.current } : {}),
      related,
    });
  },
});
