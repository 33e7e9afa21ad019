// The console's own keys (the moderation queues list theirs with `?`).
import { Dialog } from '@/components/dialog';

const SHORTCUTS: [keys: string, what: string][] = [
  ['Ctrl/Cmd+K', 'Command palette: every command below, by typing'],
  ['Alt+1 … Alt+9', 'Dashboard, Moderation, Taxonomy, Graph, Embeddings, Migrations, Activity, Users, Settings'],
  ['F1', 'This list'],
  ['?', "The moderation queue's own keys (in a queue)"],
  ['Ctrl/Cmd+F', 'Search on this page (desktop app)'],
  ['Ctrl/Cmd+R', 'Reload data (desktop app)'],
  ['Ctrl/Cmd+Shift+P', 'Switch profile (desktop app)'],
  ['Ctrl/Cmd+Shift+L', 'Toggle theme (desktop app)'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <table className="data">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <tbody>
          {SHORTCUTS.map(([k, w]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{w}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
