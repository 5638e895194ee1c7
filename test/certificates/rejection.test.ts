// Amazon's rejection messages decoded, in English and in Chinese (a seller whose Seller Central is
// set to Chinese reads Amazon's notices in Chinese).
import { describe, expect, it } from 'vitest';
import { decodeRejection } from '../../src/certificates/rejection.ts';

const reasons = (message: string) => decodeRejection(message).map((r) => r.reason);

describe('decodeRejection', () => {
  it('reads the English phrases, the precise one once', () => {
    expect(reasons('Amazon is only listed as certificate holder; it must be additional insured.')).toEqual([
      'holder-only',
    ]);
    expect(reasons('The policy is claims-made and the deductible is not shown.')).toEqual([
      'basis',
      'deductible',
    ]);
  });

  it('reads the same requirements written in Chinese, quoting the words that gave each away', () => {
    expect(decodeRejection('您的保险证明未通过审核：亚马逊仅被列为证书持有人。')).toEqual([
      { reason: 'holder-only', quote: '仅被列为证书持有人', topic: 'additional-insured' },
    ]);
    expect(
      reasons(
        '未将 Amazon.com Services LLC 列为附加被保险人；保单为索赔提出制；每次事故最低金额须为 100万美元；被保险人名称与卖家账户的法定名称不符。',
      ),
    ).toEqual(['additional-insured', 'basis', 'limits', 'insured-name']);
    expect(reasons('您上传的是报价单，不是已生效的保单。')).toEqual(['not-bound']);
    expect(reasons('保单尚未生效，请核对生效日期。')).toEqual(['dates']);
    expect(reasons('保单已过期。免赔额超过了允许的金额。')).toEqual(['dates', 'deductible']);
    expect(reasons('未包含产品/完工责任险。文件模糊不清，无法辨认。')).toEqual(['products', 'unreadable']);
    expect(reasons('感谢您联系卖家支持。')).toEqual([]);
  });
});
