import { PARAMS, type ParamSpec } from '../../config/schema';
import { CATALOGUE_READ_ON, CATALOGUE_REGION } from '../../config/broker-types';
import { formatMoney, formatNumber } from '../../lib/format';
import { clusterMetricsFor } from '../../state/planner-store';
import { usePlanInTransition } from '../hooks/usePlanInTransition';
import { ParamControl } from '../ParamControl';
import { PRICE_OF } from './cost-inputs';

const SPEC_BY_NAME = new Map<string, ParamSpec>(PARAMS.map((spec) => [spec.name, spec]));

/** The monthly cost line by line: what is counted, its formula, its unit price (editable), the sum. */
export function CostPanel() {
  const { cost } = clusterMetricsFor(usePlanInTransition().plan);
  const nearest = SPEC_BY_NAME.get('nearestReplica');
  return (
    <section aria-labelledby="cost-heading" className="space-y-2" data-testid="cost-panel">
      <h2 id="cost-heading" className="text-lg font-semibold">
        Monthly cost — an estimate
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        A 730-hour month at the prices below: AWS MSK Standard brokers in {CATALOGUE_REGION}, as read on {CATALOGUE_READ_ON}. Prices change and
        discounts apply: edit any of them. Traffic is counted at the average rates.
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Cost lines</caption>
        <thead>
          <tr className="text-left text-slate-600 dark:text-slate-300">
            <th scope="col" className="pr-2 font-medium">Line</th>
            <th scope="col" className="pr-2 font-medium">Quantity × unit price</th>
            <th scope="col" className="text-right font-medium">Per month</th>
          </tr>
        </thead>
        <tbody>
          {cost.lines.map((line) => (
            <tr key={line.id} data-testid={`cost-line-${line.id}`} data-value={String(line.monthly)} className="align-top">
              <th scope="row" className="pr-2 text-left font-medium">
                {line.label}
                <code className="block text-xs font-normal text-slate-500 dark:text-slate-400">{line.formula}</code>
              </th>
              <td className="pr-2 tabular-nums">
                {formatNumber(line.quantity, 1)} {line.quantityUnit} × {formatNumber(line.unitPrice, 4)} USD
              </td>
              <td className="text-right tabular-nums">{formatMoney(line.monthly)}</td>
            </tr>
          ))}
          <tr data-testid="cost-total" data-value={String(cost.monthly)}>
            <th scope="row" className="pr-2 text-left font-semibold">
              Total
            </th>
            <td />
            <td className="text-right font-semibold tabular-nums">{formatMoney(cost.monthly)}</td>
          </tr>
        </tbody>
      </table>
      <details className="text-sm">
        <summary className="cursor-pointer text-teal-700 dark:text-teal-300">Prices and cross-zone traffic</summary>
        <div className="mt-2 space-y-3">
          {nearest && <ParamControl spec={nearest} />}
          {Object.values(PRICE_OF).map((name) => {
            const spec = SPEC_BY_NAME.get(name);
            return spec ? (
              <div key={name}>
                <ParamControl spec={spec} />
                <p className="text-xs text-slate-500 dark:text-slate-400">Source: {spec.source}</p>
              </div>
            ) : null;
          })}
        </div>
      </details>
    </section>
  );
}
