import { memo } from 'react';

const SHOWN = 12;

function leaderText(leader: number): string {
  return leader < 0 ? 'offline' : `broker ${leader}`;
}

/**
 * Each partition's leader (of one topic: P0 is its first partition): data-value is the JSON array of leaders (−1 = offline) for
 * programs; the text names the first few for people. Re-rendered only when a leader moves.
 */
export const PartitionLeaders = memo(
  function PartitionLeaders({ leaders }: { leaders: readonly number[] }) {
    const shown = leaders.slice(0, SHOWN).map((leader, id) => `P${id}: ${leaderText(leader)}`);
    const offline = leaders.filter((l) => l < 0).length;
    return (
      <dd data-testid="sim-partition-leaders" data-value={JSON.stringify(leaders)} className="text-sm">
        {shown.join(', ')}
        {leaders.length > SHOWN ? `, … (${leaders.length} partitions${offline > 0 ? `, ${offline} offline` : ''})` : ''}
      </dd>
    );
  },
  (before, after) => before.leaders.length === after.leaders.length && before.leaders.every((leader, i) => leader === after.leaders[i]),
);
