// SPDX-License-Identifier: MIT
// libFuzzer target: raw bytes into the sandbox's HTTP/1.1 request parser, whole and split at a
// few points the input itself chooses, with small limits so every limit is reachable. The parser
// must end in a request, a wait for more or a specific error, and never read or hold more than
// its limits allow.
#include "sandbox/httprequestparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

namespace {

using tg::sandbox::HttpLimits;
using tg::sandbox::HttpRequestParser;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

/// Feeds data in the given pieces and drains the parser after each one.
void run(const char *data, size_t size, const size_t *cuts, size_t cutCount,
         const HttpLimits &limits)
{
    HttpRequestParser parser(limits);
    size_t fed = 0;
    for (size_t i = 0; i <= cutCount; ++i) {
        const size_t end = i < cutCount ? cuts[i] : size;
        if (end > fed) {
            parser.append(data + fed, qsizetype(end - fed));
            fed = end;
        }
        // Each request consumes at least one byte, so this ends within size + 2 rounds.
        for (size_t round = 0; round <= size + 2; ++round) {
            const HttpRequestParser::Status s = parser.next();
            if (s == HttpRequestParser::Status::Request) {
                const tg::sandbox::HttpRequest r = parser.takeRequest();
                check(r.body.size() <= limits.maxBodyBytes);
                check(r.target.size() <= limits.maxTargetBytes);
                continue;
            }
            if (s == HttpRequestParser::Status::Continue)
                continue;
            if (s == HttpRequestParser::Status::Error) {
                const int status = parser.errorStatus();
                check(status == 400 || status == 413 || status == 431 || status == 501);
                check(!parser.errorMessage().isEmpty());
                return;
            }
            break;
        }
        check(parser.bufferedBytes() <= qsizetype(fed));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    HttpLimits small;
    small.maxHeaderBytes = 512;
    small.maxTargetBytes = 128;
    small.maxBodyBytes = 1024;

    run(bytes, size, nullptr, 0, small);
    run(bytes, size, nullptr, 0, HttpLimits());
    if (size < 2)
        return 0;
    // Split points taken from the first two bytes, plus the middle.
    size_t cuts[3] = {data[0] % size, size / 2, (size_t(data[1]) * 7) % size};
    if (cuts[0] > cuts[1])
        std::swap(cuts[0], cuts[1]);
    if (cuts[1] > cuts[2])
        std::swap(cuts[1], cuts[2]);
    if (cuts[0] > cuts[1])
        std::swap(cuts[0], cuts[1]);
    run(bytes, size, cuts, 3, small);
    // Byte by byte for short inputs: every partial state is visited.
    if (size <= 4096) {
        HttpRequestParser parser(small);
        for (size_t i = 0; i < size; ++i) {
            parser.append(bytes + i, 1);
            HttpRequestParser::Status s = parser.next();
            for (size_t round = 0; round <= size + 2 && (s == HttpRequestParser::Status::Request ||
                                                         s == HttpRequestParser::Status::Continue);
                 ++round) {
                if (s == HttpRequestParser::Status::Request)
                    parser.takeRequest();
                s = parser.next();
            }
            if (s == HttpRequestParser::Status::Error)
                break;
        }
    }
    return 0;
}
