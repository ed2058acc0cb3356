import { Modal } from './Modal.tsx';

export function ConfirmDialog({
  title,
  message,
  confirm,
  danger,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirm: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <Modal title={title} onClose={onCancel}>
      <p className="modal-text">{message}</p>
      <div className="modal-actions">
        <button className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button className={`btn ${danger ? 'danger' : 'primary'}`} autoFocus onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
