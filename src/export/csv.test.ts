import { describe, expect, it } from 'vitest';
import { csvCell, metricsCsv, toCsv } from './csv';

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('1,000 events/s')).toBe('"1,000 events/s"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(' pad')).toBe('" pad"');
    expect(csvCell(1e21)).toBe('1e+21');
    expect(csvCell(Infinity)).toBe('Infinity');
    expect(csvCell(-5)).toBe('-5');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-5')).toBe('-5');
  });

  it('ends every row with CRLF', () => {
    expect(toCsv([['a', 1], ['b', 2]])).toBe('a,1\r\nb,2\r\n');
  });

  it('writes a header, the config rows, then the metric rows, the topic in the last column', () => {
    const text = metricsCsv(
      [{ name: 'rate', title: 'Event rate', value: 1000, unit: 'events/s', text: '1,000 events/s', topic: 'events' }],
      [{ name: 'latency', title: 'End-to-end latency', value: Infinity, unit: 's', text: 'unbounded', topic: 'events' }],
    );
    expect(text.split('\r\n')).toEqual([
      'section,name,title,value,unit,text,topic',
      'config,rate,Event rate,1000,events/s,"1,000 events/s",events',
      'metric,latency,End-to-end latency,Infinity,s,unbounded,events',
      '',
    ]);
  });

  it("writes the cluster's rows and the cost lines after the metrics, with an empty topic", () => {
    const text = metricsCsv(
      [{ name: 'brokers', title: 'Brokers', value: 3, unit: 'brokers', text: '3 brokers' }],
      [],
      [{ name: 'cluster-ingress', title: 'Cluster ingress', value: 2048, unit: 'B/s', text: '2 KiB/s' }],
      [{ name: 'cost-brokers', title: 'Brokers', value: 1839.6, unit: 'USD/month', text: '1,839.6 USD/month' }],
    );
    expect(text.split('\r\n')).toEqual([
      'section,name,title,value,unit,text,topic',
      'config,brokers,Brokers,3,brokers,3 brokers,',
      'cluster,cluster-ingress,Cluster ingress,2048,B/s,2 KiB/s,',
      'cost,cost-brokers,Brokers,1839.6,USD/month,"1,839.6 USD/month",',
      '',
    ]);
  });
});
