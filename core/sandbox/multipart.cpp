// SPDX-License-Identifier: MIT
#include "sandbox/multipart.h"

namespace tg::sandbox {

namespace {

/// Value of `key=value` or `key="value"` inside a header value such as Content-Disposition.
QByteArray headerParam(const QByteArray &value, const QByteArray &key, bool *present = nullptr)
{
    if (present)
        *present = false;
    qsizetype pos = 0;
    while (pos < value.size()) {
        qsizetype semi = value.indexOf(';', pos);
        if (semi < 0)
            semi = value.size();
        const QByteArray item = value.mid(pos, semi - pos).trimmed();
        pos = semi + 1;
        const qsizetype eq = item.indexOf('=');
        if (eq < 0 || item.left(eq).trimmed().toLower() != key)
            continue;
        QByteArray v = item.mid(eq + 1).trimmed();
        if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
            v = v.mid(1, v.size() - 2);
        if (present)
            *present = true;
        return v;
    }
    return {};
}

} // namespace

QByteArray Multipart::boundary(const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/"))
        return {};
    return headerParam(contentType, "boundary");
}

bool Multipart::parse(const QByteArray &body, const QByteArray &boundary,
                      QList<MultipartPart> *parts)
{
    if (boundary.isEmpty())
        return false;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return false;
    for (;;) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return true; // closing delimiter
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        const qsizetype headEnd = body.indexOf("\r\n\r\n", lineEnd);
        if (headEnd < 0)
            return false;
        const qsizetype dataStart = headEnd + 4;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headEnd + 2);
        if (next < 0)
            return false;
        MultipartPart part;
        const QList<QByteArray> headers = body.mid(lineEnd + 2, headEnd - lineEnd - 2).split('\n');
        for (const QByteArray &raw : headers) {
            const QByteArray line = raw.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(headerParam(value, "name"));
                bool hasFile = false;
                part.fileName = QString::fromUtf8(headerParam(value, "filename", &hasFile));
                part.isFile = hasFile;
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        part.data = next >= dataStart ? body.mid(dataStart, next - dataStart) : QByteArray();
        parts->append(part);
        pos = next + 2;
    }
}

} // namespace tg::sandbox
