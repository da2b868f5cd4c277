import { describe, expect, it } from 'vitest';
import { onlyFigure } from './find-one';

describe('money', () => {
  it.each([
    ['It paid $15bn for it.', '$15bn', 15e9, 15e9, 'USD'],
    ['It raised US$2.5 million.', 'US$2.5 million', 2.5e6, 2.5e6, 'USD'],
    ['It cost €3m.', '€3m', 3e6, 3e6, 'EUR'],
    ['Worth £ 11-23 billion.', '£ 11-23 billion', 11e9, 23e9, 'GBP'],
    ['Valued at $ 15-30 billion.', '$ 15-30 billion', 15e9, 30e9, 'USD'],
    ['Valued at 15 to 30 billion dollars.', '15 to 30 billion dollars', 15e9, 30e9, 'USD'],
    ['Valued at between $15 billion and $30 billion.', '$15 billion and $30 billion', 15e9, 30e9, 'USD'],
    ['It lost ¥100 billion.', '¥100 billion', 100e9, 100e9, 'JPY'],
    ['A £1.2bn loss.', '£1.2bn', 1.2e9, 1.2e9, 'GBP'],
    ['A stamp costs 50p.', '50p', 0.5, 0.5, 'GBP'],
    ['Shares closed up four pence.', 'four pence', 0.04, 0.04, 'GBP'],
    ['Tickets cost $1,500.', '$1,500', 1500, 1500, 'USD'],
    ['A £5m-£6m refit.', '£5m-£6m', 5e6, 6e6, 'GBP'],
    ['It made 719m euros.', '719m euros', 719e6, 719e6, 'EUR'],
    ['It expects a 800m euro loss.', '800m euro', 800e6, 800e6, 'EUR'],
    ['It pays 1.47m yuan.', '1.47m yuan', 1.47e6, 1.47e6, 'CNY'],
    ['Profits were 2.39bn rupees.', '2.39bn rupees', 2.39e9, 2.39e9, 'INR'],
    ['It set aside 100 trillion won.', '100 trillion won', 1e14, 1e14, 'KRW'],
    ['Qantas saved A$245m.', 'A$245m', 245e6, 245e6, 'AUD'],
    ['A fee of USD 300,000 was paid.', 'USD 300,000', 3e5, 3e5, 'USD'],
    ['It costs 20 Australian dollars.', '20 Australian dollars', 20, 20, 'AUD'],
  ])('reads %j', (text, span, min, max, currency) => {
    const figure = onlyFigure(text);
    expect(figure.text).toBe(span);
    expect(figure.value).toMatchObject({ min, max, currency, qualifier: 'exactly' });
    expect(figure.value.unit).toBeUndefined();
  });

  it('reads each currency of "$1.13bn (£600m)" apart', () => {
    const [dollars, pounds] = [onlyFigure('It made $1.13bn.'), onlyFigure('It made (£600m).')];
    expect(dollars?.value).toMatchObject({ min: 1.13e9, currency: 'USD' });
    expect(pounds?.value).toMatchObject({ min: 600e6, currency: 'GBP' });
  });

  it('keeps decimal scales exact', () => {
    expect(onlyFigure('It cost $1.1bn.').value.min).toBe(1_100_000_000);
    expect(onlyFigure('It cost $4.29m.').value.min).toBe(4_290_000);
  });

  it('reads "won" as a currency only after a scaled amount', () => {
    expect(onlyFigure('They have won 3 titles.').value).toMatchObject({ unit: 'titles' });
    expect(onlyFigure('It set aside 2bn won.').value).toMatchObject({ min: 2e9, currency: 'KRW' });
  });
});
