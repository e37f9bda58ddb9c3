// SPDX-License-Identifier: MIT
#include "sandbox/httprequestparser.h"

#include <algorithm>
#include <string_view>

namespace tg::sandbox {

namespace {

/// A chunk-size line longer than this is refused (it is hex digits plus short extensions).
constexpr qsizetype MaxChunkLineBytes = 1024;
/// Significant hex digits of a chunk size: 15 keep the value below 2^60, so it never overflows.
constexpr int MaxChunkSizeDigits = 15;
/// Consumed bytes are dropped from the front of the buffer once they exceed this.
constexpr qsizetype CompactThreshold = 64 * 1024;

/// Offset of `needle` in data[from, to), or -1.
qsizetype find(const QByteArray &data, qsizetype from, qsizetype to, std::string_view needle)
{
    if (to - from < qsizetype(needle.size()))
        return -1;
    const std::string_view hay(data.constData() + from, size_t(to - from));
    const size_t at = hay.find(needle);
    return at == std::string_view::npos ? -1 : from + qsizetype(at);
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{}

void HttpRequestParser::append(const QByteArray &data)
{
    compact();
    if (m_buffer.isEmpty()) {
        m_buffer = data; // shares the bytes rather than copying them
        return;
    }
    m_buffer.append(data);
}

void HttpRequestParser::append(const char *data, qsizetype size)
{
    if (size <= 0)
        return;
    compact();
    m_buffer.append(data, size);
}

HttpRequest HttpRequestParser::takeRequest()
{
    if (m_state != State::Done)
        return {};
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_state = State::Head;
    m_expectContinue = false;
    compact();
    return request;
}

HttpRequestParser::Phase HttpRequestParser::phase() const
{
    if (m_state == State::Head)
        return bufferedBytes() > 0 ? Phase::Head : Phase::Idle;
    return Phase::Body;
}

void HttpRequestParser::compact()
{
    if (m_pos == 0)
        return;
    if (m_pos == m_buffer.size()) {
        m_buffer.resize(0);
    } else if (m_pos >= CompactThreshold && m_pos * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_pos);
    } else {
        return;
    }
    m_scan = std::max<qsizetype>(0, m_scan - m_pos);
    m_pos = 0;
}

HttpRequestParser::Status HttpRequestParser::fail(int status, const char *message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return Status::Error;
}

HttpRequestParser::Status HttpRequestParser::complete()
{
    m_state = State::Done;
    return Status::Request;
}

HttpRequestParser::Status HttpRequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::Failed:
            return Status::Error;
        case State::Done:
            return Status::Request;
        case State::Head: {
            const Status s = parseHeadBlock();
            if (m_state == State::Head || s != Status::NeedMore)
                return s;
            break;
        }
        case State::FixedBody:
        case State::ChunkData: {
            const qsizetype n = std::min(bufferedBytes(), m_remaining);
            m_request.body.append(m_buffer.constData() + m_pos, n);
            m_pos += n;
            m_remaining -= n;
            if (m_remaining > 0)
                return Status::NeedMore;
            if (m_state == State::FixedBody)
                return complete();
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (bufferedBytes() >= 1 && m_buffer.at(m_pos) != '\r')
                return fail(400, "Malformed chunk");
            if (bufferedBytes() < 2)
                return Status::NeedMore;
            if (m_buffer.at(m_pos + 1) != '\n')
                return fail(400, "Malformed chunk");
            m_pos += 2;
            m_scan = m_pos;
            m_state = State::ChunkSize;
            break;
        case State::ChunkSize: {
            const Status s = parseChunkSize();
            if (m_state == State::ChunkSize || m_state == State::Failed)
                return s;
            break;
        }
        case State::Trailers:
            return parseTrailers();
        }
    }
}

HttpRequestParser::Status HttpRequestParser::parseHeadBlock()
{
    // Tolerate stray empty lines between requests.
    while (bufferedBytes() >= 2 && m_buffer.at(m_pos) == '\r' && m_buffer.at(m_pos + 1) == '\n')
        m_pos += 2;
    if (bufferedBytes() == 0)
        return Status::NeedMore;
    // Look for the end of the head only within the limit, and only at bytes not seen before
    // (three bytes back, in case the previous part ended inside "\r\n\r\n").
    const qsizetype windowEnd =
        std::min(m_buffer.size(), m_pos + m_limits.maxHeaderBytes + qsizetype(4));
    const qsizetype from = std::max(m_pos, m_scan - 3);
    const qsizetype end = find(m_buffer, from, windowEnd, "\r\n\r\n");
    if (end < 0) {
        if (bufferedBytes() > m_limits.maxHeaderBytes + 3)
            return fail(431, "Request header too large");
        m_scan = windowEnd;
        return Status::NeedMore;
    }
    const qsizetype headSize = end - m_pos;
    if (headSize > m_limits.maxHeaderBytes)
        return fail(431, "Request header too large");
    if (!parseHead(m_buffer.constData() + m_pos, headSize))
        return Status::Error;
    m_pos = end + 4;
    m_scan = m_pos;
    m_trailerBytes = headSize + 4;
    if (m_state == State::FixedBody && m_remaining == 0)
        return complete();
    m_expectContinue = m_request.header("expect").toLower() == "100-continue" &&
                       (m_state == State::ChunkSize || m_remaining > bufferedBytes());
    return m_expectContinue ? Status::Continue : Status::NeedMore;
}

bool HttpRequestParser::parseHead(const char *begin, qsizetype size)
{
    m_request = HttpRequest();
    const QList<QByteArray> lines = QByteArray(begin, size).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        fail(400, "Malformed request line");
        return false;
    }
    if (requestLine.at(1).size() > m_limits.maxTargetBytes) {
        fail(400, "Request URI too long");
        return false;
    }
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.version = requestLine.at(2);
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
        m_state = State::ChunkSize;
        m_remaining = 0;
        return true;
    }
    // Content-Length: decimal digits only; repeated headers must agree.
    qsizetype length = -1;
    for (const auto &h : std::as_const(m_request.headers)) {
        if (h.first != "content-length")
            continue;
        const QByteArray &v = h.second;
        const bool digits =
            !v.isEmpty() && v.size() <= 18 &&
            std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; });
        const qsizetype value = digits ? qsizetype(v.toLongLong()) : -1;
        if (!digits || (length >= 0 && value != length)) {
            fail(400, "Invalid Content-Length");
            return false;
        }
        length = value;
    }
    if (length > m_limits.maxBodyBytes) {
        fail(413, "Request body too large");
        return false;
    }
    m_state = State::FixedBody;
    m_remaining = std::max<qsizetype>(0, length);
    return true;
}

HttpRequestParser::Status HttpRequestParser::parseChunkSize()
{
    const qsizetype windowEnd = std::min(m_buffer.size(), m_pos + MaxChunkLineBytes + 2);
    const qsizetype lineEnd = find(m_buffer, std::max(m_pos, m_scan - 1), windowEnd, "\r\n");
    if (lineEnd < 0) {
        if (bufferedBytes() > MaxChunkLineBytes + 1)
            return fail(400, "Malformed chunk");
        m_scan = windowEnd;
        return Status::NeedMore;
    }
    // chunk-size = 1*HEXDIG, then optional blanks and ";extensions" (ignored).
    const char *p = m_buffer.constData() + m_pos;
    const char *const e = m_buffer.constData() + lineEnd;
    while (p < e && isBlank(*p))
        ++p;
    qsizetype size = 0;
    int digits = 0;
    int significant = 0;
    for (; p < e && hexDigit(*p) >= 0; ++p) {
        ++digits;
        if (size == 0 && *p == '0')
            continue;
        if (++significant > MaxChunkSizeDigits)
            return fail(413, "Request body too large");
        size = size * 16 + hexDigit(*p);
    }
    while (p < e && isBlank(*p))
        ++p;
    if (digits == 0 || (p < e && *p != ';'))
        return fail(400, "Malformed chunk");
    if (size > m_limits.maxBodyBytes - m_request.body.size())
        return fail(413, "Request body too large");
    m_pos = lineEnd + 2;
    m_scan = m_pos;
    m_remaining = size;
    m_state = size == 0 ? State::Trailers : State::ChunkData;
    return Status::NeedMore;
}

HttpRequestParser::Status HttpRequestParser::parseTrailers()
{
    // Trailer fields (ignored) end with an empty line; together with the head they must fit in
    // maxHeaderBytes.
    for (;;) {
        const qsizetype budget = std::max<qsizetype>(0, m_limits.maxHeaderBytes - m_trailerBytes);
        const qsizetype windowEnd = std::min(m_buffer.size(), m_pos + budget + 2);
        const qsizetype lineEnd = find(m_buffer, std::max(m_pos, m_scan - 1), windowEnd, "\r\n");
        if (lineEnd < 0) {
            if (bufferedBytes() > budget + 1)
                return fail(431, "Request header too large");
            m_scan = windowEnd;
            return Status::NeedMore;
        }
        const qsizetype lineSize = lineEnd - m_pos;
        m_pos = lineEnd + 2;
        m_scan = m_pos;
        if (lineSize == 0)
            return complete();
        m_trailerBytes += lineSize + 2;
        if (m_trailerBytes > m_limits.maxHeaderBytes)
            return fail(431, "Request header too large");
    }
}

} // namespace tg::sandbox
