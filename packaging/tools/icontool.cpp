// SPDX-License-Identifier: MIT
// tg_icontool: renders the app's SVG icon at build time.
//   tg_icontool png  SVG SIZE OUT.png
//   tg_icontool ico  SVG OUT.ico SIZE...
//   tg_icontool icns SVG OUT.icns
#include "iconwriter.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

namespace {

int usage(QTextStream &err)
{
    err << "usage: tg_icontool png SVG SIZE OUT.png\n"
           "       tg_icontool ico SVG OUT.ico SIZE...\n"
           "       tg_icontool icns SVG OUT.icns\n";
    return 2;
}

bool parseSize(const QString &text, int &size)
{
    bool ok = false;
    size = text.toInt(&ok);
    return ok && size >= 1 && size <= 1024;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 3)
        return usage(err);
    const QString &mode = args.at(0);
    tg::packaging::IconWriter writer(args.at(1));
    if (!writer.isValid()) {
        err << "tg_icontool: " << writer.errorString() << '\n';
        return 1;
    }
    QByteArray data;
    QString out;
    if (mode == QLatin1String("png") && args.size() == 4) {
        int size = 0;
        if (!parseSize(args.at(2), size))
            return usage(err);
        data = writer.png(size);
        out = args.at(3);
    } else if (mode == QLatin1String("ico") && args.size() >= 4) {
        QList<int> sizes;
        for (const QString &s : args.mid(3)) {
            int size = 0;
            if (!parseSize(s, size) || size > 256)
                return usage(err);
            sizes.append(size);
        }
        data = writer.ico(sizes);
        out = args.at(2);
    } else if (mode == QLatin1String("icns") && args.size() == 3) {
        data = writer.icns();
        out = args.at(2);
    } else {
        return usage(err);
    }
    if (!writer.writeFile(out, data)) {
        err << "tg_icontool: " << writer.errorString() << '\n';
        return 1;
    }
    return 0;
}
