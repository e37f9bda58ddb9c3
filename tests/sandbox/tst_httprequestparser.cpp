// SPDX-License-Identifier: MIT
// The sandbox's HTTP/1.1 request parser on its own: complete requests or one specific error out
// of raw bytes, however they are split, within the limits.
#include "sandbox/httprequestparser.h"
#include "testmain.h"

#include <QTest>

using tg::sandbox::HttpLimits;
using tg::sandbox::HttpRequest;
using tg::sandbox::HttpRequestParser;

namespace {

/// What the parser made of an input: one line per request ("METHOD path query body"), then
/// "error <status>" if it refused the rest, and "continue" where it asked for 100-continue.
struct Outcome
{
    QByteArrayList events;
    bool needsMore = false; ///< bytes of an unfinished request remain
};

/// Feeds the input in pieces of `step` bytes (0: all at once) and collects what comes out.
Outcome parse(const QByteArray &input, qsizetype step, const HttpLimits &limits)
{
    HttpRequestParser parser(limits);
    Outcome out;
    qsizetype fed = 0;
    // Bounded: every round either consumes input or ends.
    for (qsizetype round = 0; round <= 4 * input.size() + 8; ++round) {
        const HttpRequestParser::Status s = parser.next();
        if (s == HttpRequestParser::Status::Request) {
            const HttpRequest r = parser.takeRequest();
            out.events.append(r.method + ' ' + r.path + ' ' + r.query + ' ' + r.body);
            continue;
        }
        if (s == HttpRequestParser::Status::Continue) {
            out.events.append("continue");
            continue;
        }
        if (s == HttpRequestParser::Status::Error) {
            out.events.append("error " + QByteArray::number(parser.errorStatus()));
            return out;
        }
        if (fed == input.size())
            break;
        const qsizetype n = step <= 0 ? input.size() : std::min(step, input.size() - fed);
        parser.append(input.constData() + fed, n);
        fed += n;
    }
    out.needsMore = parser.phase() != HttpRequestParser::Phase::Idle;
    return out;
}

HttpLimits smallLimits()
{
    HttpLimits l;
    l.maxHeaderBytes = 256;
    l.maxTargetBytes = 64;
    l.maxBodyBytes = 1024;
    return l;
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_givesRequestsOrASpecificError_data();
    void parse_givesRequestsOrASpecificError();
    void parse_incompleteRequest_waitsForMore_data();
    void parse_incompleteRequest_waitsForMore();
    void headers_areLowerCasedAndTrimmed();
    void expectContinue_isAskedOnlyWhileTheBodyIsMissing();
    void trailers_endlessStream_isRefusedAtTheHeaderLimit();
    void pipelined_manyRequests_areAllReturnedInOrder();
};

void TestHttpRequestParser::parse_givesRequestsOrASpecificError_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("GET") << QByteArray("GET /getPage/a-01-01?x=1 HTTP/1.1\r\nHost: h\r\n\r\n")
                         << QByteArrayList{"GET /getPage/a-01-01 x=1 "};
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArrayList{"GET /  "};
    QTest::newRow("POST with Content-Length")
        << QByteArray("POST /createAccount HTTP/1.1\r\nContent-Length: 12\r\n\r\nshort_name=a")
        << QByteArrayList{"POST /createAccount  short_name=a"};
    QTest::newRow("repeated equal Content-Length")
        << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok")
        << QByteArrayList{"POST /a  ok"};
    QTest::newRow("chunked with extension and trailers")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5;ext=1\r\nhello\r\n1 \r\n!\r\n0\r\nX-Trailer: 1\r\nY: 2\r\n\r\n")
        << QByteArrayList{"POST /a  hello!"};
    QTest::newRow("chunk size with leading zeros")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "00000000000000000000001\r\nx\r\n0\r\n\r\n")
        << QByteArrayList{"POST /a  x"};
    QTest::newRow("pipelined with stray empty lines")
        << QByteArray("\r\n\r\nGET /1 HTTP/1.1\r\n\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 1\r\n"
                      "\r\nbGET /3 HTTP/1.1\r\n\r\n")
        << QByteArrayList{"GET /1  ", "POST /2  b", "GET /3  "};
    QTest::newRow("absolute-form target")
        << QByteArray("GET http://api.telegra.ph/getPage/x?y=2 HTTP/1.1\r\n\r\n")
        << QByteArrayList{"GET /getPage/x y=2 "};

    QTest::newRow("chunk size overflowing after a chunk")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "1\r\na\r\n7fffffffffffffff\r\n" +
                      QByteArray(64, 'a'))
        << QByteArrayList{"error 413"};
    QTest::newRow("chunk size of sixteen hex digits")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n")
        << QByteArrayList{"error 413"};
    QTest::newRow("chunks growing past the body limit")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" +
                      QByteArray(0x200, 'a') + "\r\n201\r\n")
        << QByteArrayList{"error 413"};
    QTest::newRow("chunk size not hex")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("chunk size empty")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n;x\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("chunk size line without end")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1" +
                      QByteArray(2000, ' '))
        << QByteArrayList{"error 400"};
    QTest::newRow("chunk data without CRLF")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("trailers past the header limit")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" +
                      QByteArray("X: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n").repeated(16))
        << QByteArrayList{"error 431"};
    QTest::newRow("one trailer line past the header limit")
        << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " +
                      QByteArray(300, 'a'))
        << QByteArrayList{"error 431"};
    QTest::newRow("head past the limit")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(300, 'a') + "\r\n\r\n")
        << QByteArrayList{"error 431"};
    QTest::newRow("head past the limit, no end")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(300, 'a'))
        << QByteArrayList{"error 431"};
    QTest::newRow("target too long")
        << QByteArray("GET /" + QByteArray(100, 'a') + " HTTP/1.1\r\n\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("malformed request line")
        << QByteArray("NONSENSE\r\n\r\n") << QByteArrayList{"error 400"};
    QTest::newRow("not HTTP/1") << QByteArray("GET / HTTP/2.0\r\n\r\n")
                                << QByteArrayList{"error 400"};
    QTest::newRow("absolute form without path")
        << QByteArray("GET http://host HTTP/1.1\r\n\r\n") << QByteArrayList{"error 400"};
    QTest::newRow("header without colon")
        << QByteArray("GET / HTTP/1.1\r\nBroken\r\n\r\n") << QByteArrayList{"error 400"};
    QTest::newRow("unsupported transfer encoding")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
        << QByteArrayList{"error 501"};
    QTest::newRow("negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("Content-Length not a number")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("Content-Length huge")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")
        << QByteArrayList{"error 400"};
    QTest::newRow("conflicting Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
        << QByteArrayList{"error 400"};
    QTest::newRow("Content-Length over the body limit")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1025\r\n\r\n")
        << QByteArrayList{"error 413"};
    QTest::newRow("a good request, then a bad one")
        << QByteArray("GET /1 HTTP/1.1\r\n\r\nBAD\r\n\r\n")
        << QByteArrayList{"GET /1  ", "error 400"};
}

void TestHttpRequestParser::parse_givesRequestsOrASpecificError()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    // Whole, in odd pieces, and byte by byte: the split never changes the outcome.
    for (const qsizetype step : {qsizetype(0), qsizetype(7), qsizetype(1)}) {
        const Outcome got = parse(input, step, smallLimits());
        QVERIFY2(got.events == expected,
                 qPrintable(QStringLiteral("step %1: %2")
                                .arg(step)
                                .arg(QString::fromLatin1(got.events.join(" | ")))));
    }
}

void TestHttpRequestParser::parse_incompleteRequest_waitsForMore_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("half a request line") << QByteArray("GET /getP");
    QTest::newRow("head without its end") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n");
    QTest::newRow("part of the body")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
    QTest::newRow("chunked without the last chunk")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
    QTest::newRow("trailers without their end")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: 1\r\n");
}

void TestHttpRequestParser::parse_incompleteRequest_waitsForMore()
{
    QFETCH(QByteArray, input);
    for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
        const Outcome got = parse(input, step, smallLimits());
        QVERIFY2(got.events.isEmpty(), got.events.join(" | ").constData());
        QVERIFY(got.needsMore);
    }
}

void TestHttpRequestParser::headers_areLowerCasedAndTrimmed()
{
    HttpRequestParser parser;
    parser.append("GET / HTTP/1.1\r\nX-Thing:   Value  \r\nHOST: h:1\r\n\r\n");
    QCOMPARE(parser.next(), HttpRequestParser::Status::Request);
    const HttpRequest r = parser.takeRequest();
    QCOMPARE(r.header("x-thing"), QByteArray("Value"));
    QCOMPARE(r.header("host"), QByteArray("h:1"));
    QCOMPARE(r.version, QByteArray("HTTP/1.1"));
    QCOMPARE(parser.phase(), HttpRequestParser::Phase::Idle);
}

void TestHttpRequestParser::expectContinue_isAskedOnlyWhileTheBodyIsMissing()
{
    const QByteArray head = "POST /a HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 3\r\n\r\n";
    {
        HttpRequestParser parser;
        parser.append(head);
        QCOMPARE(parser.next(), HttpRequestParser::Status::Continue);
        QCOMPARE(parser.next(), HttpRequestParser::Status::NeedMore);
        QCOMPARE(parser.phase(), HttpRequestParser::Phase::Body);
        parser.append("abc");
        QCOMPARE(parser.next(), HttpRequestParser::Status::Request);
        QCOMPARE(parser.takeRequest().body, QByteArray("abc"));
    }
    {
        HttpRequestParser parser;
        parser.append(head + "abc");
        QCOMPARE(parser.next(), HttpRequestParser::Status::Request);
    }
    {
        HttpRequestParser parser;
        parser.append("POST /a HTTP/1.1\r\nExpect: 100-continue\r\nTransfer-Encoding: "
                      "chunked\r\n\r\n");
        QCOMPARE(parser.next(), HttpRequestParser::Status::Continue);
        parser.append("1\r\nz\r\n0\r\n\r\n");
        QCOMPARE(parser.next(), HttpRequestParser::Status::Request);
        QCOMPARE(parser.takeRequest().body, QByteArray("z"));
    }
}

void TestHttpRequestParser::trailers_endlessStream_isRefusedAtTheHeaderLimit()
{
    // Trailers count against the header limit however they trickle in; the parser never holds
    // much more than that.
    HttpRequestParser parser;
    parser.append("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n");
    const QByteArray line = "X-Trailer: " + QByteArray(50, 'a') + "\r\n";
    HttpRequestParser::Status s = parser.next();
    int lines = 0;
    for (; lines < 100000 && s == HttpRequestParser::Status::NeedMore; ++lines) {
        parser.append(line);
        s = parser.next();
        QVERIFY(parser.bufferedBytes() <= 2 * line.size());
    }
    QCOMPARE(s, HttpRequestParser::Status::Error);
    QCOMPARE(parser.errorStatus(), 431);
    QVERIFY(lines * line.size() <= HttpLimits().maxHeaderBytes + line.size());
}

void TestHttpRequestParser::pipelined_manyRequests_areAllReturnedInOrder()
{
    HttpRequestParser parser;
    constexpr int Count = 50000;
    QByteArray input;
    for (int i = 0; i < Count; ++i)
        input += "GET /" + QByteArray::number(i) + " HTTP/1.1\r\n\r\n";
    parser.append(input);
    int got = 0;
    while (got <= Count && parser.next() == HttpRequestParser::Status::Request) {
        QCOMPARE(parser.takeRequest().path, "/" + QByteArray::number(got));
        ++got;
    }
    QCOMPARE(got, Count);
    QCOMPARE(parser.bufferedBytes(), 0);
}

TG_TEST_MAIN_CORE(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
