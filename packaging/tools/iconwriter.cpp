// SPDX-License-Identifier: MIT
#include "iconwriter.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

namespace tg::packaging {

namespace {

void appendLe16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void appendLe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

void appendBe32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

} // namespace

IconWriter::IconWriter(const QString &svgPath)
{
    QFile f(svgPath);
    if (!f.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1: %2").arg(svgPath, f.errorString());
        return;
    }
    m_svg = f.readAll();
    QSvgRenderer probe(m_svg);
    if (!probe.isValid() || probe.defaultSize().isEmpty()) {
        m_error = QStringLiteral("%1 is not a valid SVG image").arg(svgPath);
        return;
    }
    m_valid = true;
}

QImage IconWriter::render(int size) const
{
    if (!m_valid || size < 1)
        return {};
    QSvgRenderer renderer(m_svg);
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray IconWriter::png(int size) const
{
    const QImage image = render(size);
    if (image.isNull())
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

QByteArray IconWriter::ico(const QList<int> &sizes) const
{
    // ICONDIR, then one ICONDIRENTRY per image, then the images; PNG entries are valid since
    // Windows Vista and keep the file small. A width/height byte of 0 means 256.
    QList<QByteArray> images;
    for (int size : sizes) {
        if (size < 1 || size > 256)
            return {};
        const QByteArray data = png(size);
        if (data.isEmpty())
            return {};
        images.append(data);
    }
    if (images.isEmpty())
        return {};
    QByteArray out;
    appendLe16(out, 0);                                   // reserved
    appendLe16(out, 1);                                   // type: icon
    appendLe16(out, static_cast<quint16>(images.size())); // count
    quint32 offset = 6 + 16 * static_cast<quint32>(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const int size = sizes.at(i);
        out.append(static_cast<char>(size == 256 ? 0 : size)); // width
        out.append(static_cast<char>(size == 256 ? 0 : size)); // height
        out.append('\0');                                      // palette colours
        out.append('\0');                                      // reserved
        appendLe16(out, 1);                                    // colour planes
        appendLe16(out, 32);                                   // bits per pixel
        appendLe32(out, static_cast<quint32>(images.at(i).size()));
        appendLe32(out, offset);
        offset += static_cast<quint32>(images.at(i).size());
    }
    for (const QByteArray &image : images)
        out.append(image);
    return out;
}

QByteArray IconWriter::icns() const
{
    // The PNG-carrying element types of Apple's icon family format, with their pixel sizes.
    struct Element
    {
        const char *type;
        int size;
    };
    static const Element elements[] = {
        {"icp4", 16},  {"icp5", 32},  {"ic11", 32},  {"icp6", 64},  {"ic12", 64},   {"ic07", 128},
        {"ic08", 256}, {"ic13", 256}, {"ic09", 512}, {"ic14", 512}, {"ic10", 1024},
    };
    QByteArray body;
    for (const Element &e : elements) {
        const QByteArray data = png(e.size);
        if (data.isEmpty())
            return {};
        body.append(e.type, 4);
        appendBe32(body, static_cast<quint32>(data.size() + 8));
        body.append(data);
    }
    QByteArray out("icns");
    appendBe32(out, static_cast<quint32>(body.size() + 8));
    out.append(body);
    return out;
}

bool IconWriter::writeFile(const QString &path, const QByteArray &data)
{
    if (data.isEmpty()) {
        m_error = QStringLiteral("nothing to write to %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace tg::packaging
