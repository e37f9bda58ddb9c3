// SPDX-License-Identifier: MIT
#include "sandbox/httpconnection.h"

#include "sandbox/sandboxlog.h"

#include <QTcpSocket>

#include <algorithm>

#include <sys/socket.h>

namespace tg::sandbox {

namespace {

QByteArray errorPage(int status, const QByteArray &message)
{
    const QByteArray title = QByteArray::number(status) + ' ' + httpReasonPhrase(status);
    return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
           "</h1></center>\r\n<center>" + QString::fromLatin1(message).toHtmlEscaped().toLatin1() +
           "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}

} // namespace

namespace {

/// Bytes taken from the socket per read.
constexpr qint64 ReadChunkBytes = 256 * 1024;
/// Requests answered per event-loop turn before the connection lets the others run.
constexpr int RequestsPerTurn = 32;
/// Bytes read per event-loop turn before the connection lets the others run.
constexpr qint64 BytesPerTurn = 1024 * 1024;
/// After its last answer a closing connection drops what the client still sends for this long
/// and up to this many bytes, then it is cut.
constexpr int LingerMs = 2000;
constexpr qint64 MaxLingerBytes = 4 * 1024 * 1024;

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Handler handler,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(1024 * 1024);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    startTimer(Timer::Idle, m_limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        schedulePump();
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::abort()
{
    m_socket->abort();
    finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Closing;
    m_timer.stop();
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::startTimer(Timer what, int ms)
{
    m_timerFor = what;
    m_timer.start(ms);
}

bool HttpConnection::outputBlocked() const
{
    return m_socket->bytesToWrite() > m_limits.maxPendingOutputBytes;
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::Closing && m_writeShut) {
        m_discarded += m_socket->skip(m_socket->bytesAvailable());
        if (m_discarded > MaxLingerBytes)
            abort();
        return;
    }
    // While busy or blocked on output the bytes stay in the socket (whose buffer is bounded),
    // so TCP flow control slows a pipelining client down.
    if (m_state == State::Reading && m_timerFor != Timer::Output)
        pump();
}

void HttpConnection::onBytesWritten()
{
    if (m_state == State::Closing) {
        if (m_socket->bytesToWrite() == 0)
            shutdownWrite();
        return;
    }
    if (m_state != State::Reading || m_timerFor != Timer::Output)
        return;
    if (outputBlocked()) {
        startTimer(Timer::Output, m_limits.idleTimeoutMs); // the client is reading, if slowly
        return;
    }
    m_timerFor = Timer::None;
    pump();
}

void HttpConnection::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpQueued = false;
            pump();
        },
        Qt::QueuedConnection);
}

void HttpConnection::pump()
{
    if (m_pumping)
        return;
    m_pumping = true;
    int requests = 0;
    qint64 bytes = 0;
    while (m_state == State::Reading) {
        if (outputBlocked()) {
            if (m_timerFor != Timer::Output)
                startTimer(Timer::Output, m_limits.idleTimeoutMs);
            break;
        }
        const HttpRequestParser::Status status = m_parser.next();
        if (status == HttpRequestParser::Status::NeedMore) {
            if (m_socket->bytesAvailable() > 0) {
                if (bytes >= BytesPerTurn) {
                    schedulePump();
                    break;
                }
                // Sized to what is there: read(n) would allocate n bytes up front.
                const QByteArray data =
                    m_socket->read(std::min(m_socket->bytesAvailable(), ReadChunkBytes));
                bytes += data.size();
                m_parser.append(data);
                continue;
            }
            switch (m_parser.phase()) {
            case HttpRequestParser::Phase::Idle:
                if (m_timerFor != Timer::Idle)
                    startTimer(Timer::Idle, m_limits.idleTimeoutMs);
                break;
            case HttpRequestParser::Phase::Head:
                if (m_timerFor != Timer::Request)
                    startTimer(Timer::Request, m_limits.requestTimeoutMs);
                break;
            case HttpRequestParser::Phase::Body:
                if (m_timerFor != Timer::Body)
                    startTimer(Timer::Body, m_limits.requestTimeoutMs);
                break;
            }
            break;
        }
        if (status == HttpRequestParser::Status::Continue) {
            startTimer(Timer::Body, m_limits.requestTimeoutMs);
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            continue;
        }
        if (status == HttpRequestParser::Status::Error) {
            fail(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (++requests > RequestsPerTurn) {
            schedulePump();
            break;
        }
        m_request = m_parser.takeRequest();
        dispatch();
    }
    m_pumping = false;
}

void HttpConnection::dispatch()
{
    m_state = State::Busy;
    m_timer.stop();
    m_timerFor = Timer::None;
    const HttpResponse response = m_handler(m_request);
    if (response.delayMs > 0) {
        QTimer::singleShot(response.delayMs, this, [this, response] {
            deliver(response);
            if (m_state == State::Reading)
                pump();
        });
    } else {
        deliver(response);
    }
}

void HttpConnection::deliver(const HttpResponse &response)
{
    if (m_state == State::Closing)
        return;
    switch (response.fault) {
    case HttpResponse::Fault::Reset: {
        // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        const struct linger lin = {1, 0};
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0)
            ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
        abort();
        return;
    }
    case HttpResponse::Fault::Stall:
        startTimer(Timer::Stall, m_limits.stallTimeoutMs);
        return;
    case HttpResponse::Fault::Truncate:
        writeResponse(response, false, true);
        return;
    case HttpResponse::Fault::None:
        break;
    }
    const QByteArray connection = m_request.header("connection").toLower();
    const bool keepAlive = !response.close && !connection.contains("close") &&
                           (m_request.version != "HTTP/1.0" || connection.contains("keep-alive"));
    writeResponse(response, keepAlive, false);
    if (keepAlive)
        m_state = State::Reading; // the caller reads on; never nested in this call
}

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive, bool truncate)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
           httpReasonPhrase(response.status) + "\r\n";
    out += "Server: telegraph-sandbox\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &h : response.extraHeaders)
        out += h.first + ": " + h.second + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (m_request.method != "HEAD") {
        const QByteArray body =
            truncate ? response.body.left(response.body.size() / 2) : response.body;
        // Large bodies go out as they are rather than copied into one block with the head.
        if (body.size() <= 64 * 1024) {
            out += body;
        } else {
            m_socket->write(out);
            out = body;
        }
    }
    m_socket->write(out);
    if (!keepAlive)
        closeGracefully();
}

void HttpConnection::closeGracefully()
{
    m_state = State::Closing;
    startTimer(Timer::Stall, m_limits.requestTimeoutMs); // gives up on a client that never reads
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    if (m_writeShut)
        return;
    m_writeShut = true;
    // Only the sending side closes: the client sees the end of the answer, and what it still
    // sends is read and dropped, because closing with unread input would reset the connection
    // and could destroy the answer before the client reads it. The client's close ends it.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || ::shutdown(int(fd), SHUT_WR) != 0) {
        m_socket->disconnectFromHost();
        return;
    }
    startTimer(Timer::Stall, std::min(m_limits.requestTimeoutMs, LingerMs));
    onReadyRead();
}

void HttpConnection::fail(int status, const QByteArray &message)
{
    qCDebug(lcSandbox).nospace() << "refused a request from " << m_socket->peerAddress().toString()
                                 << ": " << status << ' ' << message.constData();
    m_request = HttpRequest(); // the answer is to bytes that never became a request
    HttpResponse r = HttpResponse::html(errorPage(status, message), status);
    writeResponse(r, false, false);
}

void HttpConnection::onTimeout()
{
    const Timer what = m_timerFor;
    m_timerFor = Timer::None;
    if (m_state != State::Reading || what == Timer::Output || what == Timer::Stall) {
        // A stalled response, a closing connection or a client that stopped reading ran out of
        // time.
        abort();
        return;
    }
    if (what == Timer::Request || what == Timer::Body) {
        fail(408, "Request timed out");
        return;
    }
    closeGracefully();
}

} // namespace tg::sandbox
