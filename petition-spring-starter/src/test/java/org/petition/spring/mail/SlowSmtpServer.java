package org.petition.spring.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny SMTP server on a raw socket, for tests of a slow or stalled mail server: it speaks just enough SMTP
 * for JavaMail (greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), waits {@code delay} before
 * accepting each message's data, and records every accepted message's recipients. With {@code stall} it
 * accepts connections and never says a word, as a hung server does.
 */
public final class SlowSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Duration delay;
  private final boolean stall;
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "slow-smtp");
    thread.setDaemon(true);
    return thread;
  });
  private final List<String> accepted = new CopyOnWriteArrayList<>();

  private SlowSmtpServer(Duration delay, boolean stall) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.delay = delay;
    this.stall = stall;
    connections.execute(this::acceptLoop);
  }

  /** A server that answers every message's data after {@code delay}. */
  public static SlowSmtpServer slow(Duration delay) throws IOException {
    return new SlowSmtpServer(delay, false);
  }

  /** A server that accepts connections and never answers. */
  public static SlowSmtpServer stalled() throws IOException {
    return new SlowSmtpServer(Duration.ZERO, true);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The recipient of every message accepted so far, in order, one entry per message and recipient. */
  public List<String> recipients() {
    return List.copyOf(accepted);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      if (stall) {
        Thread.sleep(Long.MAX_VALUE);
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      reply(out, "220 slow.test ESMTP");
      List<String> recipients = new java.util.ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 slow.test");
        } else if (command.startsWith("MAIL FROM")) {
          recipients.clear();
          reply(out, "250 OK");
        } else if (command.startsWith("RCPT TO")) {
          recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')));
          reply(out, "250 OK");
        } else if (command.equals("DATA")) {
          reply(out, "354 go ahead");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message itself is not needed
          }
          Thread.sleep(delay.toMillis());
          accepted.addAll(recipients);
          reply(out, "250 queued");
        } else if (command.equals("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 OK"); // RSET, NOOP
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }
}
