import Foundation
import SaksgangCore
import XCTest

/// `ParallelWork` gives each piece's result in the pieces' order whatever the threads, runs
/// each piece exactly once, uses more than one thread when asked, and passes the first
/// error by index on.
final class ParallelWorkTests: XCTestCase {
    func testResultsComeInThePiecesOrderWhateverTheThreads() {
        // Pieces of very different lengths, so that they finish out of order.
        func piece(_ k: Int) -> [Int] {
            var x = UInt64(k) &+ 1
            for _ in 0..<((k % 7) * 20_000) { x = x &* 6364136223846793005 &+ 1442695040888963407 }
            return [k, Int(x % 1000)]
        }
        let one = ParallelWork.map(200, threads: 1, piece)
        for threads in [2, 3, 8] {
            XCTAssertEqual(ParallelWork.map(200, threads: threads, piece), one, "\(threads) threads")
        }
        XCTAssertEqual(one.map { $0[0] }, Array(0..<200))
        XCTAssertEqual(ParallelWork.map(0, threads: 4) { $0 }, [])
        XCTAssertEqual(ParallelWork.map(1, threads: 4) { $0 + 10 }, [10])
    }

    func testEachPieceRunsOnceAndMoreThanOneThreadTakesPart() {
        let lock = NSLock()
        var runs = [Int](repeating: 0, count: 64)
        var threads: Set<String> = []
        _ = ParallelWork.map(64, threads: 4) { k -> Int in
            // Long enough that a started thread finds pieces left.
            Thread.sleep(forTimeInterval: 0.002)
            lock.withLock {
                runs[k] += 1
                threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
            }
            return k
        }
        XCTAssertEqual(runs, [Int](repeating: 1, count: 64))
        XCTAssertGreaterThan(threads.count, 1)
        XCTAssertLessThanOrEqual(threads.count, 4)
    }

    func testBothRunsBothAndReturnsEach() {
        let (a, b) = ParallelWork.both({ (1...1000).reduce(0, +) }, { "second" })
        XCTAssertEqual(a, 500_500)
        XCTAssertEqual(b, "second")
    }

    func testTheFirstErrorByIndexIsThrownAfterEveryPieceRan() {
        struct Failure: Error, Equatable { let piece: Int }
        let lock = NSLock()
        var ran = 0
        do {
            _ = try ParallelWork.map(50, threads: 3) { k throws(Failure) -> Int in
                lock.withLock { ran += 1 }
                if k == 7 || k == 31 { throw Failure(piece: k) }
                return k
            }
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error, Failure(piece: 7))
        }
        XCTAssertEqual(ran, 50)
    }
}
