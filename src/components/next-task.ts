/**
 * Runs `callback` in a task of its own, after the current one (a posted message: no timer clamp,
 * and posted from a requestAnimationFrame callback it runs once that frame is done). Returns the
 * cancel function. Used to split one long block of rendering into a piece a task.
 */
export function inNextTask(callback: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}
