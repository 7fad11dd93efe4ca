// Waits until 127.0.0.1:<port> accepts connections (exit 0), or <seconds> pass (exit 1).
import { connect } from "node:net";

const [port, seconds = "120"] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const attempt = () => {
  const socket = connect(Number(port), "127.0.0.1");
  socket.once("connect", () => {
    socket.end();
    process.exit(0);
  });
  socket.once("error", () => {
    if (Date.now() > deadline) {
      process.stderr.write(`nothing listens on 127.0.0.1:${port} after ${seconds} s\n`);
      process.exit(1);
    }
    setTimeout(attempt, 200);
  });
};
attempt();
