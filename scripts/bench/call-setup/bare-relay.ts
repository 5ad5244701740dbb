/**
 * The bare relay of the call-setup bench, run as its own process (as Duet's server is):
 * serves bare-page.html and relays its signaling between the two sockets of a room, with no
 * authentication, validation, persistence or limits. Env: PORT, ICE_SERVERS (JSON).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { Server } from "socket.io";

const port = Number(process.env.PORT);
// JSON inside a <script> element: "<" escaped so no value can close the element.
const iceServers = (process.env.ICE_SERVERS ?? "[]").replaceAll("<", "\\u003c");
const page = readFileSync(path.join(__dirname, "bare-page.html"), "utf8").replace("__ICE_SERVERS__", iceServers);

const http = createServer((req, res) => {
  if (new URL(req.url ?? "/", "http://bare").pathname !== "/") {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(page);
});

const io = new Server(http);
/** Per room, the socket already in the call, if any. */
const inCall = new Map<string, string>();

io.on("connection", (socket) => {
  const room = String(socket.handshake.query.room);
  void socket.join(room);
  socket.on("join", (ack: (reply: { paired: boolean }) => void) => {
    const present = inCall.get(room);
    if (present && present !== socket.id) {
      // As in Duet: the member already in the call makes the first offer; the newcomer answers.
      io.to(present).emit("peer-joined");
      ack({ paired: true });
    } else {
      inCall.set(room, socket.id);
      ack({ paired: false });
    }
  });
  socket.on("signal", (message: unknown) => socket.to(room).emit("signal", message));
  socket.on("disconnect", () => {
    if (inCall.get(room) === socket.id) inCall.delete(room);
  });
});

http.listen(port, "127.0.0.1");
