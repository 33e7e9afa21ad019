import { Dialog } from '@/components/dialog';

const SHORTCUTS: [keys: string, what: string][] = [
  ['j / ↓', 'Next item'],
  ['k / ↑', 'Previous item'],
  ['a', 'Approve'],
  ['r', 'Reject (pick a reason)'],
  ['f', 'Flag'],
  ['e', 'Edit category and tags'],
  ['x', 'Select / deselect the item'],
  ['Shift+click', 'Select a range'],
  ['Ctrl/Cmd+A', 'Select all loaded items'],
  ['Esc', 'Clear the selection'],
  ['Ctrl/Cmd+Z', 'Undo the last action (10 s)'],
  ['o', 'Open the video on its platform'],
  ['?', 'This list'],
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
