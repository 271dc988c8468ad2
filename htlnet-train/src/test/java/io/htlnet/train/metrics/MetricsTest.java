package io.htlnet.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every metric against values worked out by hand (the working is in the comments). */
class MetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void aucCountsOrderedPairsAndTiesHalf() {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 0.35>0.1, 0.35<0.4, 0.8>both → 3/4.
    assertThat(ClassificationMetrics.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1})).isCloseTo(0.75, within(EPS));
    // Positive 0.5 ties negative 0.5 (½) and beats 0.2; positive 0.9 beats both → 3.5/4.
    assertThat(ClassificationMetrics.auc(new double[] {0.5, 0.5, 0.2, 0.9}, new double[] {1, 0, 0, 1})).isCloseTo(0.875, within(EPS));
    assertThat(ClassificationMetrics.auc(new double[] {0.3, 0.3}, new double[] {1, 0})).isCloseTo(0.5, within(EPS));
    assertThat(ClassificationMetrics.auc(new double[] {0.3, 0.4}, new double[] {1, 1})).isNaN();
  }

  @Test
  void logLossIsTheMeanNegativeLogLikelihood() {
    // −(ln 0.9 + ln 0.8)/2.
    assertThat(ClassificationMetrics.logLoss(new double[] {0.9, 0.2}, new double[] {1, 0}))
        .isCloseTo((0.10536051565782628 + 0.2231435513142097) / 2, within(EPS));
    // A certain wrong answer is clipped at 1e−7, not infinite.
    assertThat(ClassificationMetrics.logLoss(new double[] {0}, new double[] {1})).isCloseTo(-Math.log(1e-7), within(1e-9));
  }

  @Test
  void nrmseAndNmaeAreOneForTheMeanPrediction() {
    double[] y = {1, 2, 3, 4};
    // RMSE of (1,2,3,5) is √(1/4) = 0.5; std(y) = √1.25.
    assertThat(RegressionMetrics.nrmse(new double[] {1, 2, 3, 5}, y)).isCloseTo(0.5 / Math.sqrt(1.25), within(EPS));
    // MAE 0.25; mean |y − 2.5| = 1.
    assertThat(RegressionMetrics.nmae(new double[] {1, 2, 3, 5}, y)).isCloseTo(0.25, within(EPS));
    double[] mean = {2.5, 2.5, 2.5, 2.5};
    assertThat(RegressionMetrics.nrmse(mean, y)).isCloseTo(1, within(EPS));
    assertThat(RegressionMetrics.nmae(mean, y)).isCloseTo(1, within(EPS));
  }

  @Test
  void normalizedGiniComparesTheCumulativeValueCurveWithThePerfectOne() {
    double[] y = {1, 2, 3, 4};
    // By descending prediction the values come as 2, 3, 4, 1: cumulative shares .2 .5 .9 1 sum to 2.6,
    // Gini (2.6 − 2.5)/4 = 0.025; perfect order 4, 3, 2, 1: .4 .7 .9 1 = 3.0 → 0.125. Ratio 0.2.
    assertThat(RegressionMetrics.normalizedGini(new double[] {0.1, 0.4, 0.3, 0.2}, y)).isCloseTo(0.2, within(EPS));
    assertThat(RegressionMetrics.normalizedGini(new double[] {1, 2, 3, 4}, y)).isCloseTo(1, within(EPS));
    assertThat(RegressionMetrics.normalizedGini(new double[] {4, 3, 2, 1}, y)).isCloseTo(-1, within(EPS));
    // A constant prediction orders nothing: 0 whatever the row order.
    assertThat(RegressionMetrics.normalizedGini(new double[] {7, 7, 7, 7}, y)).isCloseTo(0, within(EPS));
  }

  @Test
  void spearmanIsPearsonOnRanks() {
    // Rank differences 0, 1, 1, 0: 1 − 6·2/(4·15) = 0.8.
    assertThat(RegressionMetrics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4})).isCloseTo(0.8, within(EPS));
    // Ties share their average rank: prediction ranks 1.5, 1.5, 3 against 1, 2, 3 → √3/2.
    assertThat(RegressionMetrics.spearman(new double[] {5, 5, 9}, new double[] {1, 2, 3})).isCloseTo(Math.sqrt(3) / 2, within(EPS));
  }

  @Test
  void xaucIsTheShareOfPairsWithDifferentValuesOrderedCorrectly() {
    // Pairs (1,2) and (1,3) are ordered right, (2,3) wrong → 2/3.
    assertThat(RegressionMetrics.xauc(new double[] {1, 3, 2}, new double[] {1, 2, 3})).isCloseTo(2.0 / 3, within(EPS));
    // Rows with equal y form no pair: (0,2) wrong, (1,2) right → 1/2.
    assertThat(RegressionMetrics.xauc(new double[] {0.5, 0.1, 0.3}, new double[] {1, 1, 2})).isCloseTo(0.5, within(EPS));
    // A tie in prediction counts half.
    assertThat(RegressionMetrics.xauc(new double[] {0.3, 0.3, 0.9}, new double[] {1, 2, 3})).isCloseTo(2.5 / 3, within(EPS));
  }

  @Test
  void xaucMatchesTheQuadraticDefinitionOnRandomData() {
    var random = new java.util.SplittableRandom(1);
    int n = 300;
    double[] p = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = random.nextInt(40);
      y[i] = random.nextInt(25) + p[i] * 0.3;
    }
    double right = 0;
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] < y[j]) {
          pairs++;
          right += p[i] < p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
        }
      }
    }
    assertThat(RegressionMetrics.xauc(p, y)).isCloseTo(right / pairs, within(EPS));
  }
}
