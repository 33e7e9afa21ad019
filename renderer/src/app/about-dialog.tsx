// About: what is running and on what — version, shell, schema version (the latest applied
// migration), the data folder and the active profile.
import { useQuery } from '@tanstack/react-query';
import { channelQuery } from '@/api/queries';
import { Dialog } from '@/components/dialog';

export function AboutDialog({ open, onClose, profile }: { open: boolean; onClose: () => void; profile: string }) {
  const info = useQuery(channelQuery('app:info', {}, { enabled: open }));
  const overview = useQuery(channelQuery('database:overview', {}, { enabled: open }));
  const rows: [string, string][] = [
    [
      'Version',
      info.data ? `${info.data.version} (${info.data.shell === 'electron' ? 'desktop app' : 'browser shell'}, ${info.data.platform})` : '…',
    ],
    ['Schema version', overview.data ? (overview.data.latest_migration ?? 'no migration applied') : overview.error ? 'unavailable' : '…'],
    ['Data folder', info.data?.dataDir ?? '…'],
    ['Profile', profile || '…'],
  ];
  return (
    <Dialog open={open} title="About Magna Galactica Console" onClose={onClose}>
      <table className="data about">
        <caption className="visually-hidden">About this console</caption>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
