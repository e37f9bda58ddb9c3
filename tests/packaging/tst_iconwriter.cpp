// SPDX-License-Identifier: MIT
#include "iconwriter.h"
#include "testmain.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using tg::packaging::IconWriter;

namespace {

const QByteArray pngSignature("\x89PNG\r\n\x1a\n", 8);

QImage decodePng(const QByteArray &bytes)
{
    QImage image;
    image.loadFromData(bytes, "PNG");
    return image;
}

quint16 le16(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}

quint32 le32(const QByteArray &b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

quint32 be32(const QByteArray &b, qsizetype at)
{
    return qFromBigEndian<quint32>(b.constData() + at);
}

} // namespace

/// The app icon renderer used at build time for hicolor PNGs, the Windows .ico and the macOS .icns.
class TestIconWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_shippedIcon_isSquareWithTransparentCornersAndOpaqueCentre_data();
    void render_shippedIcon_isSquareWithTransparentCornersAndOpaqueCentre();
    void png_decodesToTheRequestedSize();
    void render_badSize_givesNullImage();
    void ico_directoryListsEverySizeWithPngData();
    void ico_sizeOutOfRange_givesNothing_data();
    void ico_sizeOutOfRange_givesNothing();
    void icns_elementsCoverTheFileAndDecodeToTheirSizes();
    void construct_badSvg_isInvalidWithReason_data();
    void construct_badSvg_isInvalidWithReason();
    void writeFile_unwritablePath_failsWithReason();
    void tool_writesEachFormat_data();
    void tool_writesEachFormat();
    void tool_badArguments_exitWithUsageOrError_data();
    void tool_badArguments_exitWithUsageOrError();
};

void TestIconWriter::render_shippedIcon_isSquareWithTransparentCornersAndOpaqueCentre_data()
{
    QTest::addColumn<int>("size");
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::addRow("%d", size) << size;
}

void TestIconWriter::render_shippedIcon_isSquareWithTransparentCornersAndOpaqueCentre()
{
    QFETCH(int, size);
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    QVERIFY2(writer.isValid(), qPrintable(writer.errorString()));
    const QImage image = writer.render(size);
    QCOMPARE(image.size(), QSize(size, size));
    QVERIFY(image.hasAlphaChannel());
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(size - 1, size - 1)), 0);
    QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
}

void TestIconWriter::png_decodesToTheRequestedSize()
{
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    const QByteArray bytes = writer.png(48);
    QVERIFY(bytes.startsWith(pngSignature));
    QCOMPARE(decodePng(bytes).size(), QSize(48, 48));
}

void TestIconWriter::render_badSize_givesNullImage()
{
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    QVERIFY(writer.render(0).isNull());
    QVERIFY(writer.render(-5).isNull());
    QVERIFY(writer.png(0).isEmpty());
}

void TestIconWriter::ico_directoryListsEverySizeWithPngData()
{
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    const QList<int> sizes{16, 32, 48, 256};
    const QByteArray ico = writer.ico(sizes);
    QVERIFY(ico.size() > 6 + 16 * sizes.size());
    QCOMPARE(le16(ico, 0), quint16(0));
    QCOMPARE(le16(ico, 2), quint16(1));
    QCOMPARE(le16(ico, 4), quint16(sizes.size()));
    qsizetype end = 6 + 16 * sizes.size();
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const qsizetype entry = 6 + 16 * i;
        const int expected = sizes.at(i);
        const int width =
            static_cast<quint8>(ico.at(entry)) == 0 ? 256 : static_cast<quint8>(ico.at(entry));
        QCOMPARE(width, expected);
        QCOMPARE(le16(ico, entry + 6), quint16(32));
        const quint32 length = le32(ico, entry + 8);
        const quint32 offset = le32(ico, entry + 12);
        QCOMPARE(qsizetype(offset), end);
        end += length;
        QVERIFY(end <= ico.size());
        const QByteArray data = ico.mid(offset, length);
        QVERIFY(data.startsWith(pngSignature));
        QCOMPARE(decodePng(data).size(), QSize(expected, expected));
    }
    QCOMPARE(end, ico.size());

    // Qt's own ICO reader (as Windows does) finds every image.
    QBuffer buffer;
    buffer.setData(ico);
    QImageReader reader(&buffer, "ico");
    if (reader.canRead())
        QCOMPARE(reader.imageCount(), int(sizes.size()));
}

void TestIconWriter::ico_sizeOutOfRange_givesNothing_data()
{
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("empty") << QList<int>{};
    QTest::newRow("zero") << QList<int>{16, 0};
    QTest::newRow("over 256") << QList<int>{257};
}

void TestIconWriter::ico_sizeOutOfRange_givesNothing()
{
    QFETCH(QList<int>, sizes);
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    QVERIFY(writer.ico(sizes).isEmpty());
}

void TestIconWriter::icns_elementsCoverTheFileAndDecodeToTheirSizes()
{
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    const QByteArray icns = writer.icns();
    QVERIFY(icns.startsWith("icns"));
    QCOMPARE(qsizetype(be32(icns, 4)), icns.size());
    const QHash<QByteArray, int> expected{
        {"icp4", 16},  {"icp5", 32},  {"ic11", 32},  {"icp6", 64},  {"ic12", 64},   {"ic07", 128},
        {"ic08", 256}, {"ic13", 256}, {"ic09", 512}, {"ic14", 512}, {"ic10", 1024},
    };
    QSet<QByteArray> seen;
    qsizetype at = 8;
    while (at < icns.size()) {
        QVERIFY(at + 8 <= icns.size());
        const QByteArray type = icns.mid(at, 4);
        const quint32 length = be32(icns, at + 4);
        QVERIFY2(expected.contains(type), type.constData());
        QVERIFY(length > 8 && at + length <= quint32(icns.size()));
        const QImage image = decodePng(icns.mid(at + 8, length - 8));
        const int size = expected.value(type);
        QCOMPARE(image.size(), QSize(size, size));
        seen.insert(type);
        at += length;
    }
    QCOMPARE(at, icns.size());
    QCOMPARE(seen.size(), expected.size());
}

void TestIconWriter::construct_badSvg_isInvalidWithReason_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("create");
    QTest::newRow("missing file") << QByteArray() << false;
    QTest::newRow("not xml") << QByteArray("\x89PNG not an svg") << true;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("truncated svg")
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" wid") << true;
}

void TestIconWriter::construct_badSvg_isInvalidWithReason()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, create);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("icon.svg"));
    if (create) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    IconWriter writer(path);
    QVERIFY(!writer.isValid());
    QVERIFY(writer.errorString().contains(path));
    QVERIFY(writer.render(32).isNull());
    QVERIFY(writer.ico({16}).isEmpty());
    QVERIFY(writer.icns().isEmpty());
}

void TestIconWriter::writeFile_unwritablePath_failsWithReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    IconWriter writer(QStringLiteral(TG_APP_ICON_SVG));
    const QString path = dir.filePath(QStringLiteral("no/such/folder/icon.png"));
    QVERIFY(!writer.writeFile(path, writer.png(16)));
    QVERIFY(writer.errorString().contains(path));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!writer.writeFile(dir.filePath(QStringLiteral("empty.png")), QByteArray()));
}

void TestIconWriter::tool_writesEachFormat_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << QStringList{QStringLiteral("png"), QStringLiteral(TG_APP_ICON_SVG),
                                        QStringLiteral("64"), QStringLiteral("@out")}
                         << QStringLiteral("icon.png") << pngSignature;
    QTest::newRow("ico") << QStringList{QStringLiteral("ico"), QStringLiteral(TG_APP_ICON_SVG),
                                        QStringLiteral("@out"), QStringLiteral("16"),
                                        QStringLiteral("256")}
                         << QStringLiteral("icon.ico") << QByteArray("\0\0\1\0\2\0", 6);
    QTest::newRow("icns") << QStringList{QStringLiteral("icns"), QStringLiteral(TG_APP_ICON_SVG),
                                         QStringLiteral("@out")}
                          << QStringLiteral("icon.icns") << QByteArray("icns");
}

void TestIconWriter::tool_writesEachFormat()
{
    QFETCH(QStringList, args);
    QFETCH(QString, output);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(output);
    args.replaceInStrings(QStringLiteral("@out"), path);
    QProcess tool;
    tool.start(QStringLiteral(TG_ICONTOOL_PATH), args);
    QVERIFY(tool.waitForFinished(30000));
    QCOMPARE(tool.exitStatus(), QProcess::NormalExit);
    QCOMPARE(tool.exitCode(), 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith(magic));
}

void TestIconWriter::tool_badArguments_exitWithUsageOrError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    const QString svg = QStringLiteral(TG_APP_ICON_SVG);
    QTest::newRow("no arguments") << QStringList{} << 2;
    QTest::newRow("unknown mode") << QStringList{QStringLiteral("bmp"), svg, QStringLiteral("@out")}
                                  << 2;
    QTest::newRow("size not a number")
        << QStringList{QStringLiteral("png"), svg, QStringLiteral("big"), QStringLiteral("@out")}
        << 2;
    QTest::newRow("size too large")
        << QStringList{QStringLiteral("png"), svg, QStringLiteral("4096"), QStringLiteral("@out")}
        << 2;
    QTest::newRow("ico size over 256")
        << QStringList{QStringLiteral("ico"), svg, QStringLiteral("@out"), QStringLiteral("512")}
        << 2;
    QTest::newRow("missing svg") << QStringList{QStringLiteral("icns"),
                                                QStringLiteral("/nonexistent/icon.svg"),
                                                QStringLiteral("@out")}
                                 << 1;
    QTest::newRow("unwritable output")
        << QStringList{QStringLiteral("png"), svg, QStringLiteral("16"),
                       QStringLiteral("/nonexistent/dir/icon.png")}
        << 1;
}

void TestIconWriter::tool_badArguments_exitWithUsageOrError()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("out"));
    args.replaceInStrings(QStringLiteral("@out"), out);
    QProcess tool;
    tool.start(QStringLiteral(TG_ICONTOOL_PATH), args);
    QVERIFY(tool.waitForFinished(30000));
    QCOMPARE(tool.exitCode(), exitCode);
    QVERIFY(!tool.readAllStandardError().isEmpty());
    QVERIFY(!QFile::exists(out));
}

TG_TEST_MAIN_CORE(TestIconWriter)

#include "tst_iconwriter.moc"
