package org.tunebook.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

/** Builds a {@link TunebookKernel} with the library's I/O, comms, renderer and error styles. */
final class KernelBuilder extends BaseKernelBuilder<KernelBuilder, TunebookKernel> {

    KernelBuilder() {
        name("tunebook");
        version(KernelBuilder.class.getPackage().getImplementationVersion() == null ? "dev"
                : KernelBuilder.class.getPackage().getImplementationVersion());
    }

    @Override
    public TunebookKernel build() {
        MagicParser parser = new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler());
        return new TunebookKernel(buildName(), buildVersion(), buildJupyterIO(buildJupyterIOEncoding()),
                buildCommManager(), buildRenderer(), parser, buildMagicsRegistry(), buildErrorStyler());
    }
}
