// SPDX-License-Identifier: MIT
// Runs a fuzz target over saved inputs instead of fuzzing: every regular file under each folder
// (or each file) named on the command line is passed once to LLVMFuzzerTestOneInput, in sorted
// order. A folder that does not exist counts as empty. A crash, a sanitizer report or an abort in
// the target fails the run; the name of the input being run is printed first, so the log says
// which one it was.
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

/// Every regular file below path (or path itself when it is a file), sorted.
QStringList inputFiles(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return {path};
    QStringList files;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        for (const QString &file : inputFiles(path)) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(file),
                             qPrintable(f.errorString()));
                return 1;
            }
            const QByteArray data = f.readAll();
            std::fprintf(stderr, "running %s (%lld bytes)\n", qPrintable(file),
                         static_cast<long long>(data.size()));
            std::fflush(stderr);
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()),
                                   static_cast<size_t>(data.size()));
            ++count;
        }
    }
    std::fprintf(stderr, "%d inputs ran without a crash\n", count);
    return 0;
}
