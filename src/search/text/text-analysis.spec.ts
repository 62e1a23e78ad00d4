import { highlight } from './highlight';
import { normalizeText } from './normalize';
import { pinyinOf } from './pinyin';
import { buildSearchFields } from './search-fields';
import { synonymsOf, toMeilisearchSynonyms } from './synonyms';
import { indexTokens, queryTokens } from './tokenizer';

describe('Chinese text analysis', () => {
  it('normalises width, script and case', () => {
    expect(normalizeText('晉劇藝術 ＣＰＲ')).toBe('晋剧艺术 cpr');
  });

  it('segments with jieba, keeping domain words whole', () => {
    expect(queryTokens('晋商文化')).toEqual(['晋商', '文化']);
    expect(indexTokens('乔家大院')).toEqual(expect.arrayContaining(['乔家', '大院', '乔家大院']));
    expect(queryTokens('CPR 急救')).toEqual(['cpr', '急救']);
    expect(queryTokens('老年人的手机')).toEqual(['老年人', '手机']);
    expect(queryTokens('的')).toEqual(['的']);
  });

  it('reads pinyin in context', () => {
    expect(pinyinOf('长治')).toEqual({ full: 'changzhi', initials: 'cz' });
    expect(pinyinOf('银行')).toEqual({ full: 'yinhang', initials: 'yh' });
    expect(pinyinOf('刀削面').full).toBe('daoxiaomian');
  });

  it('derives pinyin fields from titles, keywords and series titles', () => {
    const fields = buildSearchFields({
      title: '晉劇唱腔入門',
      keywords: ['刀削面'],
      seriesTitles: ['晋商文化'],
    } as never);
    // The title's pinyin has fields of its own, ranked like the title.
    expect(fields._titlePinyin.split(' ')).toEqual(
      expect.arrayContaining(['jinju', 'jinjuchangqiangrumen']),
    );
    expect(fields._titleInitials.split(' ')).toEqual(expect.arrayContaining(['jj']));
    expect(fields._pinyin.split(' ')).toEqual(
      expect.arrayContaining(['daoxiaomian', 'jinshang', 'jinshangwenhua']),
    );
    expect(fields._pinyin.split(' ')).not.toContain('jinju');
    expect(fields._initials.split(' ')).toEqual(expect.arrayContaining(['dxm', 'js']));
    expect(fields._simplified).toBe('晋剧唱腔入门');
  });

  it('keeps synonym groups mutual', () => {
    expect(synonymsOf('长者')).toEqual(expect.arrayContaining(['老年人', '老人']));
    expect(synonymsOf('老年人')).toContain('长者');
    expect(synonymsOf('无关')).toEqual([]);
    const meili = toMeilisearchSynonyms();
    for (const [term, others] of Object.entries(meili)) {
      for (const other of others) expect(meili[other]).toContain(term);
    }
  });

  it('highlights literal, Traditional and pinyin matches, escaping the rest', () => {
    expect(highlight('晉劇 & <b>', { literal: ['晋剧'], pinyin: [], prefix: false })).toBe(
      '<em>晉劇</em> &amp; &lt;b&gt;',
    );
    expect(highlight('山西晋商文化', { literal: [], pinyin: ['jinshang'], prefix: false })).toBe(
      '山西<em>晋商</em>文化',
    );
    expect(highlight('山西晋商文化', { literal: [], pinyin: ['sx'], prefix: false })).toBe(
      '<em>山西</em>晋商文化',
    );
    expect(highlight('WeChat 入门', { literal: ['wech'], pinyin: [], prefix: true })).toBe(
      '<em>WeChat</em> 入门',
    );
    expect(highlight('WeChat 入门', { literal: ['wech'], pinyin: [], prefix: false })).toBe(
      'WeChat 入门',
    );
  });

  it('crops long text around the first match', () => {
    const text = `${'长'.repeat(200)}晋剧${'短'.repeat(200)}`;
    const out = highlight(
      text,
      { literal: ['晋剧'], pinyin: [], prefix: false },
      { cropLength: 40 },
    );
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('<em>晋剧</em>');
  });
});
