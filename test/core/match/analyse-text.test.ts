import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../src/core/knowledge/glossary.js';
import { analyseText, conceptsWithoutFiller, wordSeams } from '../../../src/core/match/analyse-text.js';
import { foldText } from '../../../src/core/text/fold-text.js';

const sorted = (text: string) => [...new Set(analyseText(text))].sort();

describe('analyseText', () => {
  describe.each([
    ['~cancel', ['怎么注销备案', '备案被吊销了', '撤销备案', 'how to cancel a filing', 'filing revoked']],
    ['~expiry', ['备案有效期多久', '备案会过期吗', 'does the filing expire', '备案期限']],
    ['~cert', ['备案证书', '备案证明', '备案截图', 'filing certificate']],
    ['~police', ['公安备案', '公网安备', '公安联网备案', 'public security filing', 'police filing']],
    ['~shell', ['空壳网站', '空殼主體', 'shell site']],
    ['~authcode', ['备案授权码', '授权码', 'authorization code', 'authorisation code']],
    ['~sms', ['短信核验', '验证码', 'SMS verification', 'verification code']],
    ['~password', ['密码', 'password']],
    ['~transfer', ['转接入', '迁移', 'transfer', 'migrate']],
    ['~icp', ['ICP record', '备案']],
    ['~rejected', ['审核未通过', '备案被驳回', '接入备案不成功', 'filing rejected', 'the review failed']],
    ['~mismatch', ['信息不一致', '主体对不上', "doesn't match", 'inconsistent']],
    ['~realname', ['实名认证', 'real-name verification']],
    ['~pending', ['备案期间', '审核中', 'during the review', 'pending']],
    // The field's words for a situation described without its key term.
    ['~none', ['接入信息被清空', '信息为空', 'the access information was cleared', '列表空了']],
    ['~query', ['去工信部核实', '搜索备案', 'searched the miit system', 'looked up our domain']],
    ['~icp', ['在工信部登记过', 'ICP record']],
    ['~info', ['网站列表', 'no websites are listed']],
    ['~change', ['信息怎么改']],
    ['~duration', ['有没有时间限制', 'is there a deadline']],
    ['~rejected', ['审核没通过', '审核没有通过']],
  ])('reads synonyms as the concept %s', (concept, variants) => {
    it.each(variants)('%s', (variant) => {
      expect(analyseText(variant)).toContain(concept);
    });
  });

  // The Chinese field terms of providers' FAQ pages (an imported knowledge base is Chinese only) and the English a
  // bilingual support person would use for each: both sides read as one concept.
  describe.each([
    ['~incharge', ['网站负责人', '主体负责人', 'person in charge', 'responsible person']],
    ['~firstreview', ['提交初审', 'first review', 'initial review']],
    ['~entity', ['主办单位', '主办者冲突', 'principal', 'sponsor']],
    ['~query', ['核验', '信息核验', 'verification']],
    ['~provider', ['接入备案', 'access filing', '云厂商', 'cloud provider']],
    ['~chinese', ['中文域名', 'Chinese domain', 'Chinese-character domain']],
    ['~mainland', ['中国大陆', '境内', 'mainland China', 'domestic']],
    ['~publicip', ['公网 IP', '公网IP', 'public IP']],
    ['~abandon', ['放弃备案', 'abandoned', 'gave up']],
    ['~maximum', ['最多几个', 'at most', 'maximum', 'how many']],
    // A count of days is a duration, not an upper limit.
    ['~change', ['changed', 'changing', 'modified', 'updated']],
    ['~company', ['corporate']],
    ['~forum', ['论坛', '社区', 'community', 'message board']],
    ['~blog', ['博客', 'blog', 'blogs']],
    ['~apply', ['申请', 'submitted', 'request', 'requested']],
    ['~duration', ['for a while', 'for some time']],
    ['~reach', ['正常使用', 'still works']],
    ['~foreigner', ['外国人', '外籍', 'foreigner', 'foreign national']],
    ['~mailsetup', ['mx记录', 'MX record', 'SMTP', '企业邮箱']],
    ['~impact', ['有问题吗', '会不会有问题', 'stop us from', 'prevent', 'affected']],
    ['~accident', ['不小心', '误操作', 'by mistake', 'accidentally']],
    ['~unaccess', ['取消接入', 'cancel access', 'removing access']],
    ['~unreceived', ['没有收到', '收不到', '等不到', 'never received', "didn't receive"]],
    ['~why', ['怎么回事', '咋回事', 'how come']],
    ['~duration', ['how many days', 'how many working days', '多少天', 'how soon']],
    ['~reuse', ['重复使用', 'reuse', 'reusable']],
    ['~allow', ['是否支持', '允许', 'allowed', 'supported']],
    ['~confirm', ['确认电话', 'confirmation call']],
    ['~bind', ['关联云服务器', '绑定', 'associated with', 'bound to']],
    ['~order', ['备案订单', 'filing order']],
    ['~message', ['管局消息', '通知', 'notification']],
    ['~legalrep', ['法定代表人', '法人', 'legal representative']],
    ['~rootdomain', ['一级域名', '顶级域名', 'root domain', 'top-level domain']],
    ['~suffix', ['域名后缀', 'domain suffix', 'extension']],
    ['~name', ['网站名称', 'site name', 'naming']],
    ['~phone', ['手机号码', '固定电话', 'phone number', 'landline']],
    ['~server', ['云服务器', 'cloud server']],
    ['~cancel', ['撤回申请', 'withdraw', 'cancelling', 'canceling']],
    ['~transfer', ['转移', 'migration']],
    ['~reach', ['网站访问', 'visitors', 'reach the site']],
    ['~pending', ['审核中', 'under review', 'while']],
    ['~situation', ['什么情况', '哪些情形', 'in which cases', 'situation']],
    ['~region', ['跨省', '本省', 'province']],
    ['~regulator', ['省管局', 'communications bureau']],
    ['~subaccount', ['子账号', 'sub-account']],
    ['~claim', ['认领', 'claim']],
    ['~partybuilding', ['党建', 'party building']],
    ['~tencent', ['腾讯云', 'Tencent Cloud']],
    ['~qingcloud', ['青云', 'QingCloud']],
    ['~company', ['单位', 'organisation', 'organization']],
    ['~cost', ['计费', 'billing']],
    ['~unable', ['无法申请', 'cannot apply', 'unable to apply']],
    ['~restore', ['找回密码', 'recovering the password', 'retrieve']],
    ['~mismatch', ['信息不一致', 'differs from']],
    ['~none', ['信息不存在', 'does not exist', 'not found', 'the lookup shows nothing']],
    ['~buy', ['购买云服务器', 'buying a server', 'purchasing']],
  ])('reads provider FAQ vocabulary and its English as the concept %s', (concept, variants) => {
    it.each(variants)('%s', (variant) => {
      expect(analyseText(variant)).toContain(concept);
    });
  });

  it.each([
    ['新疆 is a place, not 新 (new)', '新疆', '~add'],
    ['新闻 is news, not 新 (new)', '新闻', '~add'],
    ['后缀 is a suffix, not 后 (after)', '域名后缀', '~after'],
  ])('keeps words whole: %s', (_name, text, wrong) => {
    expect(analyseText(text)).not.toContain(wrong);
  });

  // The importer writes an English tag beside each Chinese term it finds (src/core/knowledge/glossary.ts); tags are
  // indexed with the entry's phrases, so a tag must read as the same concepts as its Chinese, or the English tag is no
  // bridge for an English question. 备案/filing is left aside: tags add or omit it freely and it says little.
  const concepts = (text: string) =>
    [...new Set(analyseText(text).filter((t) => t.startsWith('~') && t !== '~icp'))].sort();
  it.each(GLOSSARY.filter((g) => g.tag !== undefined).map((g) => [g.text, g.tag ?? ''] as const))(
    'reads the glossary term %s and its tag %s as the same concepts',
    (text, tag) => {
      expect(concepts(tag)).toEqual(concepts(text));
    },
  );

  it('reads 对不对 as asking whether it is right, not as the 不对 (wrong) inside it', () => {
    expect(analyseText('密码怎么确认对不对')).toContain('~correct');
    expect(analyseText('密码怎么确认对不对')).not.toContain('~wrong');
    expect(analyseText('如何验证是否正确')).toContain('~correct');
    expect(analyseText('密码不对')).toContain('~wrong');
  });

  it('reads 没有通过 as rejected, not as none', () => {
    expect(analyseText('审核没有通过')).not.toContain('~none');
  });

  it('lets a word that would take a preposition yield to the word beginning inside it (为空壳 is 为 + 空壳)', () => {
    expect(analyseText('被认定为空壳网站')).toContain('~shell');
    expect(analyseText('被认定为空壳网站')).not.toContain('~none');
    expect(analyseText('列表为空')).toContain('~none');
  });

  it('keeps a word that begins with an ordinary character (需要做 is 需要 + 做)', () => {
    expect(analyseText('什么情况需要做备案')).toContain('~need');
  });

  it('reads "take care of" as handling something, and "all the things" as nothing', () => {
    expect(analyseText('who will take care of it')).toEqual(analyseText('handle'));
    expect(analyseText('all the things')).toEqual([]);
  });

  it('reads 算是 / 算什么 ("counts as") as asking what something is, like 算不算', () => {
    expect(analyseText('这算是空壳吗')).toContain('~meaning');
    expect(analyseText('这算什么情况')).toContain('~meaning');
  });

  it("reads 'whats' (an apostrophe left out) as what's", () => {
    expect(analyseText('whats a shell entity')).toEqual(analyseText("what's a shell entity"));
  });

  it('reads colloquial 销掉 / 删掉 as cancelling', () => {
    expect(analyseText('备案销掉')).toEqual(analyseText('备案注销'));
    expect(analyseText('备案删掉')).toEqual(analyseText('备案注销'));
  });

  it('drops adverbs of time (现在, 目前, 马上) as filler', () => {
    expect(analyseText('现在备案马上注销')).toEqual(analyseText('备案注销'));
    expect(analyseText('目前状态')).toEqual(analyseText('状态'));
  });

  it('reads 接着用 / 再次使用 / use again as reusing', () => {
    expect(analyseText('授权码接着用')).toEqual(analyseText('授权码重复使用'));
    expect(analyseText('授权码再次使用')).toEqual(analyseText('授权码重复使用'));
    expect(analyseText('code to use again')).toEqual(analyseText('code to reuse'));
  });

  it("reads 停机 / 空号 as the providers' 已不使用 (no longer in use)", () => {
    expect(analyseText('手机号停机')).toEqual(analyseText('手机号已不使用'));
    expect(analyseText('手机号空号')).toEqual(analyseText('手机号已不使用'));
  });

  it('reads 备案还没下来 as pending, not approved', () => {
    expect(analyseText('备案还没下来')).toEqual(analyseText('备案审核中'));
    expect(analyseText('备案没下来')).toEqual(analyseText('备案审核中'));
  });

  it('reads 年检 as 年审 (a yearly check of the filing or licence)', () => {
    expect(analyseText('许可证年检')).toEqual(analyseText('许可证年审'));
  });

  it('reads spoken 没过 as not approved', () => {
    expect(analyseText('审核没过')).toEqual(analyseText('审核没通过'));
  });

  it('finds a phrase with a question word inside it once the filler is out (conceptsWithoutFiller)', () => {
    expect(analyseText('域名怎么续费')).not.toContain('~domainrenewal');
    expect(conceptsWithoutFiller(foldText('域名怎么续费'))).toContain('~domainrenewal');
    expect(conceptsWithoutFiller(foldText('我的域名要怎么续费呢'))).toContain('~domainrenewal');
  });

  it('drops "what kind of" and "usually" as question words', () => {
    expect(analyseText('什么样的网站要备案')).toEqual(analyseText('网站要备案'));
    expect(analyseText('审核一般多久')).toEqual(analyseText('审核多久'));
  });

  it('reads a blog as a kind of site of its own, and taking a filing off a provider apart from cancelling it', () => {
    expect(analyseText('个人博客')).not.toEqual(analyseText('个人网站'));
    expect(analyseText('取消接入')).not.toEqual(analyseText('注销'));
  });

  it('drops third-person pronouns and demonstratives as filler', () => {
    expect(analyseText('他们这种状态')).toEqual(analyseText('状态'));
  });

  it('drops adverbs of time as filler, as "now" and "then" in English', () => {
    expect(analyseText('目前网站打不开')).toEqual(analyseText('网站打不开'));
    expect(analyseText('当时提交的材料')).toEqual(analyseText('提交的材料'));
    expect(analyseText('刚才改的域名')).toEqual(analyseText('改的域名'));
  });

  it.each([
    ['Chinese question words', '请问备案怎么注销呢', '备案注销'],
    ['English question words', 'how do I cancel the filing', 'cancel filing'],
    ['traditional characters', '備案怎麼註銷', '备案注销'],
    ['full-width letters', 'ＩＣＰ备案怎么注销', 'icp备案注销'],
  ])('strips %s', (_name, question, plain) => {
    expect(sorted(question)).toEqual(sorted(plain));
  });

  it.each([
    ['SSL certificate is not a filing certificate', 'SSL证书', '备案证书'],
    ['shell company is not a shell entity', '空壳公司', '空壳主体'],
    ['closing a company is not cancelling a filing', '公司注销', '备案注销'],
    ['an ICP licence is not an ICP filing', 'ICP许可证', 'ICP备案'],
    ['a rejected review is not an approved one', '审核未通过', '审核通过'],
    ['a branch is not the head office', '分公司', '总公司'],
  ])('keeps compounds apart: %s', (_name, a, b) => {
    expect(sorted(a)).not.toEqual(sorted(b));
  });

  it.each([
    ['empty', ''],
    ['white space', ' \t\n '],
    ['emoji only', '😀🎉'],
    ['filler only', '请问怎么样呢'],
    // Left in, the spelling corrector read "actually" as a domain word (annually).
    ['adverbs of emphasis', 'actually basically simply even ever already'],
    // Who is asked and told, in a relayed question: the question is elsewhere in the message.
    ['a relayed question', 'anyone know? what do I tell them'],
  ])('gives no terms for %s', (_name, input) => {
    expect(analyseText(input)).toEqual([]);
  });

  it.each([
    ['a domain bought at auction as bought, not sold', '拍卖买了个老域名', '~buy', '~commerce'],
    ['"take it back" as withdrawing, not getting back', 'can we take it back', '~cancel', '~restore'],
    ['"isn\'t in use anymore" as out of use, not gone', "the number isn't in use anymore", '~outofuse', '~none'],
    ['"didn\'t succeed" as not approved', "the filing didn't succeed", '~rejected', undefined],
    ['a site that goes offline as one visitors cannot reach', 'the site goes offline', '~reach', undefined],
    ['多次用 as reusing', '授权码能多次用吗', '~reuse', undefined],
    ['为何 as why', '为何审核失败', '~why', undefined],
    ['变化 as a change', '信息有变化', '~change', undefined],
    ['哪些地方 as regions', '可以在哪些地方办理', '~region', undefined],
    ['错过 as missing a call, not as the 错 (wrong) inside it', '错过审核确认电话', '~missed', '~wrong'],
    ['a verification call as a phone', 'I missed the verification call', '~phone', undefined],
    ['发帖 (posting threads) as a forum', '让用户发帖的站', '~forum', undefined],
    ['spoken 关了 as switched off', '把解析关了', '~disabled', undefined],
    ['"get us in trouble" as a consequence', 'will that get us in trouble', '~impact', undefined],
    ['多少个 as "how many"', '可以备案多少个域名', '~maximum', undefined],
    ['a misspelled name as wrong', "the legal rep's name is misspelled", '~wrong', undefined],
    ['"legal rep" as the legal representative', "the legal rep's name", '~legalrep', undefined],
    ['spoken 咋办 as 怎么办 (what to do)', '网站成了空壳咋办', '~fix', undefined],
    ['多个 as more than one, not as a seam', '一个账号可以为多个主体备案吗', '~multiple', '为多'],
    ['mandatory as a need', 'is the code mandatory', '~need', undefined],
    ['"halfway through" as while it is going on', "we're halfway through access filing", '~pending', undefined],
    ['没来 (still not here) as not received', '核验短信一直没来', '~unreceived', undefined],
    ['记不得 as forgetting', '备案密码记不得了', '~forgot', undefined],
    ['"sent in" as submitted', 'we sent in a cancellation', '~apply', undefined],
    ['refused as not approved', 'the code gets refused', '~rejected', undefined],
    ['a disconnected phone as out of use', 'the phone was disconnected', '~outofuse', undefined],
    ['a site that loads as reachable', 'the site still loads', '~reach', undefined],
    ['"didn\'t renew" as in arrears', "we didn't renew the server", '~arrears', '~renew'],
    ['"used again" as reused', 'can the code be used again', '~reuse', undefined],
    ['"never showed up" as not received', 'the text never showed up', '~unreceived', undefined],
    ['"outside China" as overseas', 'a server outside China', '~overseas', undefined],
    ['收回 (taken back by the bureau) as cancelled', '号被管局收回了', '~cancel', undefined],
    ['要回 as getting back', '能不能要回原来那个号', '~restore', undefined],
    ['派出所 as the police', '还要去派出所登记吗', '~police', undefined],
    ['打错 as wrong', '名字打错了', '~wrong', undefined],
    ['outdated details as wrong', 'the phone number is outdated', '~wrong', undefined],
    ['"what triggers that" as why', 'what triggers that', '~why', undefined],
    ['"what do you call it" as asking a name, not a phone call', 'what do you call it', '~meaning', '~phone'],
    ['zero websites as none', 'zero websites', '~none', undefined],
    ["Taiwan's 伺服器 as a server", '沒有雲伺服器要怎麼備案', '~server', undefined],
    ["Taiwan's 二級網域 as a subdomain", '二級網域需要備案嗎', '~subdomain', undefined],
    ["Taiwan's 簡訊 as a text message", '管局簡訊核驗失敗', '~sms', undefined],
    ['"isn\'t used anymore" as out of use', "the number isn't used anymore", '~outofuse', '~none'],
  ])('reads %s', (_name, text, concept, not) => {
    const terms = analyseText(text);
    expect(terms).toContain(concept);
    if (not !== undefined) expect(terms).not.toContain(not);
  });

  it('drops a plural s from English words it does not know', () => {
    expect(analyseText('widgets')).toEqual(['widget']);
  });
});

describe('wordSeams', () => {
  const seams = (text: string) => wordSeams(foldText(text));

  it('finds the bigrams that straddle two words of the general language', () => {
    // 一般 | 长 | 什么 | 样: 般长 joins two words, 一般 is one.
    const read = seams('一般长什么样');
    expect(read.seams.has('般长')).toBe(true);
    expect(read.seams.has('一般')).toBe(false);
    // 上海 | 运营: 海运 is a word elsewhere, not here.
    expect(seams('业务在上海运营').seams.has('海运')).toBe(true);
  });

  it('keeps the one-character words a seam joined, but not function characters', () => {
    // 还 | 在 | 审: 在 is a preposition, 审 (review) the word that was said.
    expect(seams('还在审').lone.get('在审')).toEqual(['审']);
    expect(seams('一般长什么样').lone.get('般长')).toEqual(['长']);
  });

  it('never counts as a seam a bigram that is inside a word somewhere in the text', () => {
    const read = seams('小心 不小心');
    expect(read.seams.has('小心')).toBe(false);
    expect(read.seams.has('不小')).toBe(false);
  });

  it('has nothing to say about text without Chinese', () => {
    expect(seams('how long does approval take').seams.size).toBe(0);
  });
});
