import Taro from '@tarojs/taro'

/** The part of a Canvas 2D node drawing needs (an HTMLCanvasElement in H5, WeChat's Canvas in the app). */
export interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function queryOnce(selector: string): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(selector)
        .fields({ node: true, size: true })
        .exec((res: ({ node?: CanvasNode | null } | null)[]) => resolve(res?.[0]?.node ?? null))
    } catch {
      resolve(null)
    }
  })
}

/**
 * The Canvas 2D node behind `selector`. In H5 the inner `<canvas>` of a Taro Canvas appears only
 * after the page is ready, and WeChat may answer null on the first frame, so ask again for a while.
 */
export async function findCanvas(selector: string, tries = 40, everyMs = 50): Promise<CanvasNode | null> {
  for (let i = 0; i < tries; i++) {
    const node = await queryOnce(selector)
    if (node && typeof node.getContext === 'function') return node
    await wait(everyMs)
  }
  return null
}
