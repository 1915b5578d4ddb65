import Foundation
import Testing
import ZhibiaoKernel

@Suite("Monitoring: modified z-score")
struct MonitoringZScoreTests {
  @Test("M = 0.6745·(x − median)/MAD: for 1, 2, 3, 4, 100 the median is 3, MAD 1, M(100) = 65.43")
  func scores() throws {
    let spread = try #require(ModifiedZScore.spread(of: [1, 2, 3, 4, 100]))
    #expect(spread.median == 3 && spread.medianAbsoluteDeviation == 1 && spread.meanAbsoluteDeviation == 20.2)
    let scores = ModifiedZScore.scores([1, 2, 3, 4, 100])
    #expect(close(scores[4], 0.6745 * 97) && close(scores[0], -1.349))
    #expect(scores.filter { abs($0) > 3.5 }.count == 1)
  }

  @Test("An even count takes the mean of the middle two")
  func evenCount() throws {
    let spread = try #require(ModifiedZScore.spread(of: [4, 1, 3, 2]))
    #expect(spread.median == 2.5 && spread.medianAbsoluteDeviation == 1)
  }

  @Test("When MAD = 0 the score is (x − median)/(1.253314·MeanAD): 5, 5, 5, 5, 9 gives M(9) = 3.99")
  func madZero() throws {
    let spread = try #require(ModifiedZScore.spread(of: [5, 5, 5, 5, 9]))
    #expect(spread.medianAbsoluteDeviation == 0 && close(spread.meanAbsoluteDeviation, 0.8))
    let scores = ModifiedZScore.scores([5, 5, 5, 5, 9])
    #expect(close(scores[4], 4 / (1.253314 * 0.8)) && scores[4] > 3.5)
    #expect(scores[0] == 0)
  }

  @Test("When every value is the same there is no spread and nothing is flagged")
  func noSpread() {
    #expect(ModifiedZScore.scores([7, 7, 7, 7, 7]).allSatisfy { $0.isNaN })
    #expect(ModifiedZScore.scores([]).isEmpty)
  }

  @Test("With 13 districts the plain z-score cannot pass 3.33, the modified one can")
  func beatsThePlainZScore() {
    let values = Array(repeating: 0.08, count: 6) + Array(repeating: 0.10, count: 6) + [0.9]
    let mean = values.reduce(0, +) / 13
    let sd = sqrt(values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 12)
    #expect((0.9 - mean) / sd < 3.33)
    #expect(ModifiedZScore.scores(values)[12] > 3.5)
  }
}
