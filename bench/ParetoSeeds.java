import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.tunebook.bench.ParetoBenchmark;
import org.tunebook.samplers.Sampler;
import org.tunebook.samplers.TpeSampler;

/**
 * Per-seed hypervolumes of tunebook's TPE on ZDT1 ({@code bench pareto} prints medians only), for rank tests
 * against {@code optuna_pareto_seeds.py}. One line per budget: the budget, then the hypervolumes of seeds
 * FROM .. TO-1 as a JSON array.
 *
 * <pre>java -cp core/target/classes:$(cat cp.txt) bench/ParetoSeeds.java DIMENSIONS BUDGETS FROM TO</pre>
 */
public class ParetoSeeds {
    public static void main(String[] args) {
        int dimensions = Integer.parseInt(args[0]);
        int[] budgets = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int from = Integer.parseInt(args[2]);
        long[] seeds = new long[Integer.parseInt(args[3]) - from];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = from + i;
        }
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("tpe", TpeSampler::new);
        for (ParetoBenchmark.Result r : ParetoBenchmark.run(samplers, ParetoBenchmark.zdt1(dimensions), budgets, seeds,
                null)) {
            System.out.println(r.trials() + " " + Arrays.toString(r.hypervolumes()));
        }
    }
}
