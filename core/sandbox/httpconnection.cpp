// SPDX-License-Identifier: MIT
#include "httpconnection.h"

#include <QTcpSocket>

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

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, Handler handler,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(1024 * 1024);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    m_timer.start(m_limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
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

void HttpConnection::onReadyRead()
{
    if (m_state == State::Closing)
        return;
    if (m_state == State::Busy) {
        // Pipelined requests wait until the current one is answered; past a bound the data is
        // left in the socket, so TCP flow control slows the client down.
        if (m_buffer.size() < m_limits.maxHeaderBytes + m_limits.maxBodyBytes)
            m_buffer += m_socket->readAll();
        return;
    }
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    while (m_state == State::Headers || m_state == State::Body) {
        if (m_state == State::Headers) {
            if (m_buffer.isEmpty()) {
                m_timer.start(m_limits.idleTimeoutMs);
                return;
            }
            // Tolerate stray empty lines between requests.
            while (m_buffer.startsWith("\r\n"))
                m_buffer.remove(0, 2);
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                if (m_buffer.size() > m_limits.maxHeaderBytes)
                    return fail(431, "Request header too large");
                if (!m_timer.isActive() || m_timer.interval() != m_limits.requestTimeoutMs)
                    m_timer.start(m_limits.requestTimeoutMs);
                return;
            }
            if (headEnd > m_limits.maxHeaderBytes)
                return fail(431, "Request header too large");
            if (!parseHead(headEnd))
                return;
            m_buffer.remove(0, headEnd + 4);
            m_state = State::Body;
            m_timer.start(m_limits.requestTimeoutMs);
            if (m_request.header("expect").toLower() == "100-continue" &&
                (m_chunked || m_contentLength > m_buffer.size()))
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (m_state == State::Body) {
            if (m_chunked) {
                if (!readChunkedBody())
                    return;
            } else {
                if (m_buffer.size() < m_contentLength)
                    return;
                m_request.body = m_buffer.left(m_contentLength);
                m_buffer.remove(0, m_contentLength);
            }
            dispatch();
        }
    }
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    m_request = HttpRequest();
    m_chunked = false;
    m_contentLength = 0;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, "Malformed request line");
        return false;
    }
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.version = requestLine.at(2);
    if (m_request.target.size() > m_limits.maxTargetBytes) {
        fail(400, "Request URI too long");
        return false;
    }
    if (!m_request.target.startsWith('/')) {
        // Absolute form (a proxy-style request): keep only the path and query.
        const qsizetype scheme = m_request.target.indexOf("://");
        const qsizetype slash = scheme < 0 ? -1 : m_request.target.indexOf('/', scheme + 3);
        if (slash < 0) {
            fail(400, "Malformed request target");
            return false;
        }
        m_request.target = m_request.target.mid(slash);
    }
    const qsizetype q = m_request.target.indexOf('?');
    m_request.path = q < 0 ? m_request.target : m_request.target.left(q);
    m_request.query = q < 0 ? QByteArray() : m_request.target.mid(q + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "Malformed header");
            return false;
        }
        m_request.headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    const QByteArray te = m_request.header("transfer-encoding").toLower();
    if (!te.isEmpty()) {
        if (!te.endsWith("chunked")) {
            fail(501, "Unsupported transfer encoding");
            return false;
        }
        m_chunked = true;
    } else {
        const QByteArray cl = m_request.header("content-length");
        if (!cl.isEmpty()) {
            bool ok = false;
            m_contentLength = cl.toLongLong(&ok);
            if (!ok || m_contentLength < 0) {
                fail(400, "Invalid Content-Length");
                return false;
            }
            if (m_contentLength > m_limits.maxBodyBytes) {
                fail(413, "Request body too large");
                return false;
            }
        }
    }
    return true;
}

bool HttpConnection::readChunkedBody()
{
    // Decodes as many complete chunks as the buffer holds; the decoded bytes collect in the
    // request body and the consumed bytes leave the buffer.
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        if (lineEnd < 0) {
            if (m_buffer.size() > 1024)
                fail(400, "Malformed chunk");
            return false;
        }
        QByteArray sizeField = m_buffer.left(lineEnd);
        const qsizetype semicolon = sizeField.indexOf(';');
        if (semicolon >= 0)
            sizeField.truncate(semicolon);
        bool ok = false;
        const qlonglong size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            fail(400, "Malformed chunk");
            return false;
        }
        if (m_request.body.size() + size > m_limits.maxBodyBytes) {
            fail(413, "Request body too large");
            return false;
        }
        if (size == 0) {
            // Trailers (ignored) end with an empty line.
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", lineEnd);
            if (end < 0)
                return false;
            m_buffer.remove(0, end + 4);
            return true;
        }
        if (m_buffer.size() < lineEnd + 2 + size + 2)
            return false;
        m_request.body += m_buffer.mid(lineEnd + 2, size);
        m_buffer.remove(0, lineEnd + 2 + size + 2);
    }
}

void HttpConnection::dispatch()
{
    m_state = State::Busy;
    m_timer.stop();
    const HttpResponse response = m_handler(m_request);
    if (response.delayMs > 0) {
        QTimer::singleShot(response.delayMs, this, [this, response] { deliver(response); });
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
        m_timer.start(m_limits.stallTimeoutMs);
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
    if (keepAlive) {
        m_state = State::Headers;
        m_buffer += m_socket->readAll();
        processBuffer();
    }
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
    if (m_request.method != "HEAD")
        out += truncate ? response.body.left(response.body.size() / 2) : response.body;
    m_socket->write(out);
    if (!keepAlive) {
        m_state = State::Closing;
        m_timer.start(m_limits.requestTimeoutMs); // gives up on a client that never reads
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::fail(int status, const QByteArray &message)
{
    HttpResponse r = HttpResponse::html(errorPage(status, message), status);
    writeResponse(r, false, false);
}

void HttpConnection::onTimeout()
{
    if (m_state == State::Busy || m_state == State::Closing) {
        // A stalled response ran out of time.
        abort();
        return;
    }
    if (m_state == State::Body || !m_buffer.isEmpty()) {
        fail(408, "Request timed out");
        return;
    }
    m_state = State::Closing;
    m_socket->disconnectFromHost();
}

} // namespace tg::sandbox
